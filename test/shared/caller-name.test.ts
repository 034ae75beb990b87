import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_DIRECTORY, callerName, contactNameFor, nameDirectory, setCurrentDirectory } from '../../src/shared/caller-name';
import { partyName, remoteName } from '../../src/shared/describe-state';
import type { Contact } from '../../src/shared/contacts';
import { mockCall } from '../popup/mock-snapshot';

const contacts: Contact[] = [
  {
    id: 'a',
    name: 'Bea Bauer',
    numbers: [
      { number: '030 901820', type: 'work' },
      { number: '1002', type: 'other' },
    ],
  },
  { id: 'b', name: 'Second with the same number', numbers: [{ number: '+49 30 901820', type: 'work' }] },
  { id: 'c', name: '<img src=x>', numbers: [{ number: '+1 415 555 0100', type: 'mobile' }] },
];
const de = nameDirectory(contacts, 'DE');

describe('callerName', () => {
  it("names a contact's number however it is written (compared in E.164 with the default country)", () => {
    expect(callerName({ uri: 'sip:+4930901820@pbx', user: '+4930901820' }, de)).toBe('Bea Bauer');
    expect(callerName({ uri: 'sip:030901820@pbx', user: '030901820', displayName: 'Reception' }, de)).toBe('Bea Bauer');
    expect(callerName({ uri: 'sip:1002@pbx', user: '1002' }, de)).toBe('Bea Bauer');
    expect(callerName({ uri: 'sip:+14155550100@pbx', user: '+14155550100' }, de)).toBe('<img src=x>');
  });

  it("else says the PBX's display name, else the number formatted for the country", () => {
    expect(callerName({ uri: 'sip:+4989123456@pbx', user: '+4989123456', displayName: 'Front desk' }, de)).toBe('Front desk');
    expect(callerName({ uri: 'sip:+4989123456@pbx', user: '+4989123456', displayName: '  ' }, de)).toBe('089 123456');
    expect(callerName({ uri: 'sip:+14155550132@pbx', user: '+14155550132' }, de)).toBe('+1 415 555 0132');
    expect(callerName({ uri: 'sip:alice@pbx', user: 'alice' }, de)).toBe('alice');
    expect(callerName({ uri: 'sip:1003@pbx', user: '1003' }, EMPTY_DIRECTORY)).toBe('1003');
  });

  it('gives a shared number to the first contact that has it', () => {
    expect(contactNameFor('+49 30 901820', de)).toBe('Bea Bauer');
  });

  it('depends on the country for national numbers', () => {
    const us = nameDirectory(contacts, 'US');
    // Bea's 030 number is German only when the default country is Germany.
    expect(contactNameFor('+4930901820', nameDirectory([contacts[0]!], 'US'))).toBeUndefined();
    expect(contactNameFor('+4930901820', nameDirectory([contacts[0]!], 'DE'))).toBe('Bea Bauer');
    expect(contactNameFor('(415) 555-0100', us)).toBe('<img src=x>');
  });
});

describe('remoteName and partyName, which every surface uses', () => {
  afterEach(() => setCurrentDirectory(EMPTY_DIRECTORY));

  it("names the call's party from the directory its page keeps current", () => {
    const call = mockCall({ remote: { uri: 'sip:1002@pbx', user: '1002', displayName: 'PBX name' } });
    expect(remoteName(call)).toBe('PBX name');
    setCurrentDirectory(de);
    expect(remoteName(call)).toBe('Bea Bauer');
  });

  it("names a message's sender (or any party) as it names a call's: contact, else the PBX's name, else the number", () => {
    setCurrentDirectory(de);
    expect(partyName({ uri: 'sip:1002@pbx', user: '1002', displayName: 'PBX name' })).toBe('Bea Bauer');
    expect(partyName({ uri: 'sip:1003@pbx', user: '1003', displayName: 'PBX name' })).toBe('PBX name');
    expect(partyName({ uri: 'sip:+4930901820@pbx', user: '+4930901820' })).toBe('Bea Bauer');
    expect(partyName({ uri: 'sip:1003@pbx', user: '1003' })).toBe('1003');
  });
});
