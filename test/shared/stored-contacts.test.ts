import { describe, expect, it } from 'vitest';
import { CONTACTS_LIMIT, NAME_LIMIT } from '../../src/shared/contacts';
import { CONTACTS, parseContacts, storedContacts } from '../../src/shared/stored-contacts';
import { readStored } from '../../src/shared/stored-schema';

const bea = { id: 'c-1', name: 'Bea Bauer', numbers: [{ number: '+49 30 901820', type: 'mobile' as const }] };
const read = (stored: unknown) => readStored(CONTACTS, { contacts: stored });

describe('stored contacts', () => {
  it('read the current version as the worker writes it', () => {
    expect(read(storedContacts([bea]))).toEqual({ value: { version: 1, contacts: [bea] }, migrated: false });
  });

  it('migrate an unversioned list (the shape of a bare export) and mark it for writing back', () => {
    expect(read([bea])).toEqual({ value: { version: 1, contacts: [bea] }, migrated: true });
  });

  it('start empty with nothing stored, with something that is not a list, or with data from a newer release', () => {
    expect(parseContacts(undefined)).toEqual([]);
    expect(parseContacts('contacts')).toEqual([]);
    expect(parseContacts({ version: 1, contacts: 'x' })).toEqual([]);
    expect(parseContacts({ version: 2, contacts: [bea] })).toEqual([]);
  });

  it('drop broken contacts one by one and keep the rest', () => {
    const broken = [
      { ...bea, id: '' },
      { ...bea, id: 'c-2', name: 'x'.repeat(NAME_LIMIT + 1) },
      { ...bea, id: 'c-3', numbers: [] },
      { ...bea, id: 'c-4', numbers: [{ number: 'javascript:alert(1)', type: 'mobile' }] },
      { id: 'c-5', name: 'No numbers field' },
      null,
      'text',
    ];
    expect(parseContacts({ version: 1, contacts: [...broken, bea] })).toEqual([bea]);
  });

  it('read an unknown number type as "other" rather than lose the contact', () => {
    const odd = { ...bea, numbers: [{ number: '1002', type: 'pager' }] };
    expect(parseContacts(storedContacts([odd as never]))).toEqual([{ ...bea, numbers: [{ number: '1002', type: 'other' }] }]);
  });

  it('keep at most CONTACTS_LIMIT contacts', () => {
    const many = Array.from({ length: CONTACTS_LIMIT + 10 }, (_, i) => ({ ...bea, id: `c-${i}` }));
    expect(parseContacts(storedContacts(many))).toHaveLength(CONTACTS_LIMIT);
  });
});
