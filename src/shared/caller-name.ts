// Who the other party is, said one way on every surface (the popup's call
// card and history, notifications, what screen readers hear): the address
// book's name when the number is a contact's, else the name the PBX sent,
// else the number formatted for the user's country.
import type { Contact } from './contacts';
import { formatNumber, numberKey } from './number-display';
import type { RemoteParty } from './snapshot';

/** The address book as looked up by number: built once per change of the book or the country. */
export interface NameDirectory {
  country: string;
  names: ReadonlyMap<string, string>;
}

export function nameDirectory(contacts: readonly Contact[], country: string): NameDirectory {
  const names = new Map<string, string>();
  for (const contact of contacts) {
    for (const { number } of contact.numbers) {
      const key = numberKey(number, country);
      // The first contact with a number keeps it: a shared office line names one person, steadily.
      if (key !== null && !names.has(key)) names.set(key, contact.name);
    }
  }
  return { country, names };
}

export const EMPTY_DIRECTORY: NameDirectory = { country: 'US', names: new Map() };

/** The contact's name for a number, if it is one of theirs. */
export function contactNameFor(number: string, directory: NameDirectory): string | undefined {
  const key = numberKey(number, directory.country);
  return key === null ? undefined : directory.names.get(key);
}

/** The party's name: contact, else the PBX's display name, else the formatted number. */
export function callerName(party: RemoteParty, directory: NameDirectory): string {
  return contactNameFor(party.user, directory) ?? (party.displayName?.trim() || formatNumber(party.user, directory.country));
}

// Surfaces that cannot take the book as a prop (the call card renders remoteName(call);
// the worker's notifications) read the directory their context keeps current here:
// the popup sets it from storage while it renders (popup/use-address-book.ts), the
// worker before each notification (background/contact-directory.ts).
let current: NameDirectory = EMPTY_DIRECTORY;

export function setCurrentDirectory(directory: NameDirectory): void {
  current = directory;
}

export function currentDirectory(): NameDirectory {
  return current;
}
