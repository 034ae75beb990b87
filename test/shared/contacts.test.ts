import { describe, expect, it } from 'vitest';
import {
  CONTACTS_LIMIT,
  NAME_LIMIT,
  NUMBERS_PER_CONTACT,
  addImported,
  cleanContact,
  putContact,
  removeContacts,
  sortContacts,
  type Contact,
} from '../../src/shared/contacts';

const contact = (id: string, name: string, number = '1002'): Contact => ({ id, name, numbers: [{ number, type: 'mobile' }] });

describe('cleanContact', () => {
  it('keeps a name and numbers on one line, trimmed and capped', () => {
    expect(cleanContact({ name: '  Bea\n\tBauer \u202e ', numbers: [{ number: ' +49 30 901820 ', type: 'work' }] })).toEqual({
      name: 'Bea Bauer',
      numbers: [{ number: '+49 30 901820', type: 'work' }],
    });
    expect(cleanContact({ name: 'x'.repeat(1000), numbers: [{ number: '1002' }] })?.name).toHaveLength(NAME_LIMIT);
  });

  it('drops what is not a number, and the same number twice; unknown types are "other"', () => {
    const numbers = [
      { number: 'call me' },
      { number: '<b>1</b>' },
      { number: '1002', type: 'fax' },
      { number: '10-02' },
      { number: '*97' },
    ];
    expect(cleanContact({ name: 'A', numbers })?.numbers).toEqual([
      { number: '1002', type: 'other' },
      { number: '*97', type: 'other' },
    ]);
  });

  it('refuses a contact without a number, names one without a name by its number', () => {
    expect(cleanContact({ name: 'Only a name', numbers: [] })).toBeNull();
    expect(cleanContact({ name: 'A', numbers: 'nope' })).toBeNull();
    expect(cleanContact({ numbers: [{ number: '+1 415 555 0100' }] })?.name).toBe('+1 415 555 0100');
  });

  it(`keeps at most ${NUMBERS_PER_CONTACT} numbers`, () => {
    const numbers = Array.from({ length: 50 }, (_, i) => ({ number: `${1000 + i}` }));
    expect(cleanContact({ name: 'A', numbers })?.numbers).toHaveLength(NUMBERS_PER_CONTACT);
  });

  it('keeps markup-like names as the text they are (they are rendered as text)', () => {
    expect(cleanContact({ name: '<script>alert(1)</script>', numbers: [{ number: '1002' }] })?.name).toBe('<script>alert(1)</script>');
  });
});

describe('editing the book', () => {
  it('adds, replaces by id, and refuses a new contact when full', () => {
    const one = putContact([], contact('a', 'Ann'))!;
    expect(putContact(one, contact('a', 'Anna'))).toEqual([contact('a', 'Anna')]);
    const full = Array.from({ length: CONTACTS_LIMIT }, (_, i) => contact(`c${i}`, 'X'));
    expect(putContact(full, contact('new', 'Y'))).toBeNull();
    expect(putContact(full, contact('c1', 'Z'))?.[1]?.name).toBe('Z');
  });

  it('removes by id and sorts by name as people read them', () => {
    expect(removeContacts([contact('a', 'A'), contact('b', 'B')], ['a'])).toEqual([contact('b', 'B')]);
    expect(sortContacts([contact('1', 'zoë'), contact('2', 'Ärger'), contact('3', 'bob')], 'de').map((c) => c.name)).toEqual([
      'Ärger',
      'bob',
      'zoë',
    ]);
  });

  it('imports with new ids, skipping exact duplicates and what does not fit', () => {
    let n = 0;
    const id = () => `new-${n++}`;
    const book = [contact('a', 'Ann', '1002')];
    const result = addImported(
      book,
      [
        { name: 'ann', numbers: [{ number: '10 02', type: 'work' }] },
        { name: 'Bo', numbers: [{ number: '1003', type: 'home' }] },
      ],
      id,
    );
    expect(result).toMatchObject({ added: 1, duplicates: 1, overLimit: 0 });
    expect(result.contacts.map((c) => c.id)).toEqual(['a', 'new-0']);
    const full = Array.from({ length: CONTACTS_LIMIT - 1 }, (_, i) => contact(`c${i}`, `N${i}`));
    const over = addImported(
      full,
      [
        { name: 'P', numbers: [{ number: '1', type: 'home' }] },
        { name: 'Q', numbers: [{ number: '2', type: 'home' }] },
      ],
      id,
    );
    expect(over).toMatchObject({ added: 1, overLimit: 1 });
    expect(over.contacts).toHaveLength(CONTACTS_LIMIT);
  });
});
