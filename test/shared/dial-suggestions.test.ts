import { describe, expect, it } from 'vitest';
import { contactMatches, dialSuggestions, SUGGESTION_LIMIT } from '../../src/shared/dial-suggestions';
import type { Contact } from '../../src/shared/contacts';
import type { HistoryEntry } from '../../src/shared/call-history';

const contacts: Contact[] = [
  {
    id: 'a',
    name: 'Alice Smith',
    numbers: [
      { number: '+1 (415) 555-0100', type: 'mobile' },
      { number: '1002', type: 'work' },
    ],
  },
  { id: 'b', name: 'Zoë Ålund-Berg', numbers: [{ number: '030 901820', type: 'home' }] },
  { id: 'c', name: 'Bob', numbers: [{ number: '1003', type: 'other' }] },
];

const entry = (user: string, displayName?: string): HistoryEntry => ({
  id: user,
  direction: 'incoming',
  outcome: 'missed',
  remote: { uri: `sip:${user}@pbx`, user, ...(displayName ? { displayName } : {}) },
  startedAt: 0,
  endedAt: 0,
  durationMs: 0,
});
const history = [entry('+14155550199', 'Courier'), entry('1002'), entry('alice'), entry('4155550177')];

const labels = (query: string, country = 'US') => dialSuggestions(query, contacts, history, country).map((s) => `${s.label} ${s.dial}`);

describe('dialSuggestions', () => {
  it('finds contacts by the start of any word of their name, each of their numbers', () => {
    expect(labels('ali')).toEqual(['Alice Smith +14155550100', 'Alice Smith 1002']);
    expect(labels('smi al')).toEqual(['Alice Smith +14155550100', 'Alice Smith 1002']);
    expect(labels('lice')).toEqual([]);
  });

  it('ignores case and accents', () => {
    expect(labels('ZOE')).toEqual(['Zoë Ålund-Berg 030901820']);
    expect(labels('alund')).toEqual(['Zoë Ålund-Berg 030901820']);
    expect(labels('berg')).toEqual(['Zoë Ålund-Berg 030901820']);
  });

  it('finds numbers by digits anywhere, as written or in E.164, then recent numbers', () => {
    expect(labels('555')).toEqual(['Alice Smith +14155550100', 'Courier +14155550199', '(415) 555-0177 4155550177']);
    expect(labels('4930', 'DE')).toEqual(['Zoë Ålund-Berg 030901820']);
    expect(labels('(030) 90')).toEqual(['Zoë Ålund-Berg 030901820']);
  });

  it('names recent callers by the PBX name and finds them by it; never offers a SIP name or a number twice', () => {
    expect(labels('cour')).toEqual(['Courier +14155550199']);
    expect(labels('100')).toEqual(['Alice Smith +14155550100', 'Alice Smith 1002', 'Bob 1003']);
  });

  it('offers nothing for empty text, one digit, or exactly the number typed', () => {
    expect(labels('')).toEqual([]);
    expect(labels('  ')).toEqual([]);
    expect(labels('1')).toEqual([]);
    expect(labels('1003')).toEqual([]);
  });

  it(`offers at most ${SUGGESTION_LIMIT}, with keys unique in the list`, () => {
    const many: Contact[] = Array.from({ length: 50 }, (_, i) => ({
      id: `${i}`,
      name: `Ann ${i}`,
      numbers: [{ number: `${2000 + i}`, type: 'work' }],
    }));
    const found = dialSuggestions('ann', many, [], 'US');
    expect(found).toHaveLength(SUGGESTION_LIMIT);
    expect(new Set(found.map((s) => s.key)).size).toBe(SUGGESTION_LIMIT);
  });

  it('shows the number formatted and says whether it is a contact or recent', () => {
    expect(dialSuggestions('courier', contacts, history, 'US')[0]).toMatchObject({ shown: '(415) 555-0199', recent: true });
    expect(dialSuggestions('bob', contacts, history, 'US')[0]).toMatchObject({ shown: '1003', type: 'other', recent: false });
  });

  it('stays quick on a full book', () => {
    const book: Contact[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `${i}`,
      name: `Person ${i}`,
      numbers: [{ number: `+1 415 555 ${String(i).padStart(4, '0')}`, type: 'work' }],
    }));
    const started = performance.now();
    dialSuggestions('98765', book, [], 'US');
    dialSuggestions('pers 49', book, [], 'US');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('contactMatches (the options search)', () => {
  it('matches everything for no text, else names by word starts or numbers by digits', () => {
    expect(contacts.filter((c) => contactMatches(c, '', 'US'))).toHaveLength(3);
    expect(contacts.filter((c) => contactMatches(c, 'bo', 'US')).map((c) => c.id)).toEqual(['c']);
    expect(contacts.filter((c) => contactMatches(c, 'be', 'US')).map((c) => c.id)).toEqual(['b']);
    expect(contacts.filter((c) => contactMatches(c, '1003', 'US')).map((c) => c.id)).toEqual(['c']);
  });
});
