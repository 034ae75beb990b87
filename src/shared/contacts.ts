// The local address book: what a contact is, its limits, and the edits the
// worker makes to it (pure, so the worker, the options page and the tests
// share them). How it is stored and read back: shared/stored-contacts.ts.
// Names are plain text everywhere: they are shown as text nodes, never as HTML.

export const CONTACT_TYPES = ['mobile', 'work', 'home', 'other'] as const;
export type ContactNumberType = (typeof CONTACT_TYPES)[number];

export interface ContactNumber {
  /** As the user typed or the file had it ("+49 30 1234-56"); compared after normalising. */
  number: string;
  type: ContactNumberType;
}

export interface Contact {
  id: string;
  name: string;
  numbers: ContactNumber[];
}

/** A contact before the worker gave it an id (a form, an imported card). */
export type ContactInput = Omit<Contact, 'id'>;

export const CONTACTS_KEY = 'contacts';
export const CONTACTS_LIMIT = 5000;
export const NAME_LIMIT = 200;
export const NUMBER_LIMIT = 64;
export const NUMBERS_PER_CONTACT = 10;
export const CONTACT_ID_LIMIT = 64;

// Control characters (line breaks from a file, bidi overrides that would turn
// a name round on screen) have no place in a one-line name.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function oneLine(text: string, limit: number): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim().slice(0, limit).trim();
}

/** A number has at least one digit and only what phone numbers and extensions are written with. */
const NUMBER_TEXT = /^\+?[0-9 ().\-/*#]*$/;

export function isContactNumber(text: string): boolean {
  return text.length <= NUMBER_LIMIT && NUMBER_TEXT.test(text) && /[0-9]/.test(text);
}

/**
 * A contact as the address book keeps it: one-line name and numbers, capped;
 * numbers that are not numbers dropped, duplicates once. Null without a
 * number (a contact is for calling) or without anything to call it.
 */
export function cleanContact(input: { name?: unknown; numbers?: unknown }): ContactInput | null {
  const numbers: ContactNumber[] = [];
  const seen = new Set<string>();
  for (const entry of Array.isArray(input.numbers) ? (input.numbers as unknown[]) : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { number, type } = entry as { number?: unknown; type?: unknown };
    if (typeof number !== 'string') continue;
    const text = oneLine(number, NUMBER_LIMIT + 1);
    const digits = text.replace(/[^0-9+*#]/g, '');
    if (!isContactNumber(text) || seen.has(digits)) continue;
    seen.add(digits);
    numbers.push({ number: text, type: (CONTACT_TYPES as readonly unknown[]).includes(type) ? (type as ContactNumberType) : 'other' });
    if (numbers.length === NUMBERS_PER_CONTACT) break;
  }
  if (numbers.length === 0) return null;
  const name = typeof input.name === 'string' ? oneLine(input.name, NAME_LIMIT) : '';
  return { name: name || numbers[0]!.number, numbers };
}

/** Sorted as people look names up: by name in the UI language's order. */
export function sortContacts(contacts: readonly Contact[], locale?: string): Contact[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...contacts].sort((a, b) => collator.compare(a.name, b.name));
}

/** Adds the contact, or replaces the one with its id. False when the book is full. */
export function putContact(contacts: readonly Contact[], contact: Contact): Contact[] | null {
  const at = contacts.findIndex((c) => c.id === contact.id);
  if (at >= 0) return contacts.map((c, i) => (i === at ? contact : c));
  if (contacts.length >= CONTACTS_LIMIT) return null;
  return [...contacts, contact];
}

export function removeContacts(contacts: readonly Contact[], ids: readonly string[]): Contact[] {
  const gone = new Set(ids);
  return contacts.filter((c) => !gone.has(c.id));
}

export interface ImportResult {
  contacts: Contact[];
  added: number;
  /** Already in the book: same name and the same numbers. */
  duplicates: number;
  /** Left out because the book was full. */
  overLimit: number;
}

/** Adds imported contacts (ids from `newId`), skipping exact duplicates, up to CONTACTS_LIMIT. */
export function addImported(contacts: readonly Contact[], imported: readonly ContactInput[], newId: () => string): ImportResult {
  const key = (c: ContactInput) => `${c.name.toLowerCase()}\u0000${c.numbers.map((n) => n.number.replace(/[^0-9+*#]/g, '')).join(',')}`;
  const known = new Set(contacts.map(key));
  const out = [...contacts];
  let added = 0;
  let duplicates = 0;
  let overLimit = 0;
  for (const input of imported) {
    const k = key(input);
    if (known.has(k)) duplicates++;
    else if (out.length >= CONTACTS_LIMIT) overLimit++;
    else {
      known.add(k);
      out.push({ id: newId(), ...input });
      added++;
    }
  }
  return { contacts: out, added, duplicates, overLimit };
}
