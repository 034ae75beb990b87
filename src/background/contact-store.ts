// The address book in storage.local: the worker is its one writer (pages ask
// it through 'contacts.*'), every change a read-modify-write in order. Read
// through the versioned schema (shared/stored-contacts.ts).
import browser from 'webextension-polyfill';
import {
  CONTACTS_KEY,
  addImported,
  putContact,
  removeContacts,
  type Contact,
  type ContactInput,
  type ImportResult,
} from '../shared/contacts';
import { parseContacts, storedContacts } from '../shared/stored-contacts';
import { serialized } from './serialized';

const queue = serialized();

async function read(): Promise<Contact[]> {
  const stored = await browser.storage.local.get([CONTACTS_KEY]);
  return parseContacts(stored[CONTACTS_KEY]);
}

async function write(contacts: Contact[]): Promise<void> {
  await browser.storage.local.set({ [CONTACTS_KEY]: storedContacts(contacts) });
}

export function loadContacts(): Promise<Contact[]> {
  return queue(read);
}

const newId = (): string => `c-${crypto.randomUUID()}`;

/** Saves a contact under its id (a new one, or one brought back by Undo, keeps the id given). Null when the book is full. */
export function saveContact(contact: ContactInput, id?: string): Promise<string | null> {
  return queue(async () => {
    const withId = { id: id ?? newId(), ...contact };
    const next = putContact(await read(), withId);
    if (!next) return null;
    await write(next);
    return withId.id;
  });
}

export function deleteContact(id: string): Promise<void> {
  return queue(async () => write(removeContacts(await read(), [id])));
}

export function importContacts(imported: readonly ContactInput[]): Promise<Omit<ImportResult, 'contacts'>> {
  return queue(async () => {
    const { contacts, ...counts } = addImported(await read(), imported, newId);
    if (counts.added > 0) await write(contacts);
    return counts;
  });
}
