// The address book in storage.local ('contacts'), with a version: version 1
// is { version: 1, contacts: [in the order added] }. No release stored
// contacts before it; migrations[0] still reads a bare list (the shape a
// hand-made or older export would have), so nothing unversioned is lost.
// Contacts are checked one by one (a broken one is dropped, the rest kept).
// The worker writes (background/contact-store.ts); the popup, the options
// page and the worker's notifications read through parseContacts.
import * as v from 'valibot';
import {
  CONTACTS_KEY,
  CONTACTS_LIMIT,
  CONTACT_ID_LIMIT,
  CONTACT_TYPES,
  NAME_LIMIT,
  NUMBERS_PER_CONTACT,
  NUMBER_LIMIT,
  isContactNumber,
  type Contact,
} from './contacts';
import { listOf, readStored, type StoredKey } from './stored-schema';

const CONTACT_SCHEMA = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(CONTACT_ID_LIMIT)),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(NAME_LIMIT)),
  numbers: v.pipe(
    v.array(
      v.object({
        number: v.pipe(v.string(), v.maxLength(NUMBER_LIMIT), v.check(isContactNumber)),
        type: v.fallback(v.picklist(CONTACT_TYPES), 'other'),
      }),
    ),
    v.minLength(1),
    v.maxLength(NUMBERS_PER_CONTACT),
  ),
}) satisfies v.GenericSchema<unknown, Contact>;

export interface StoredContacts {
  version: 1;
  contacts: Contact[];
}

export const CONTACTS: StoredKey<StoredContacts> = {
  key: CONTACTS_KEY,
  version: 1,
  schema: v.object({ version: v.literal(1), contacts: listOf(CONTACT_SCHEMA, CONTACTS_LIMIT) }),
  fallback: () => ({ version: 1, contacts: [] }),
  migrations: [(old) => ({ version: 1, contacts: Array.isArray(old) ? old : [] })],
};

/** Whatever storage holds under CONTACTS_KEY, of any version, as a list (broken contacts dropped). */
export function parseContacts(stored: unknown): Contact[] {
  return readStored(CONTACTS, { [CONTACTS_KEY]: stored }).value.contacts;
}

/** What to write: the list with the current version. */
export function storedContacts(contacts: Contact[]): StoredContacts {
  return { version: 1, contacts };
}
