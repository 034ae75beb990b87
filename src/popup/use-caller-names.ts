// Keeps the popup's caller names current: the address book's directory is
// handed to shared/caller-name.ts while the popup renders, before its calls
// do, so every card, history row and spoken sentence names callers alike.
import { setCurrentDirectory } from '../shared/caller-name';
import { useAddressBook, type AddressBook } from '../shared/use-address-book';

export function useCallerNames(): AddressBook {
  const book = useAddressBook();
  // Set during render on purpose: the children that call remoteName() render after this.
  setCurrentDirectory(book.directory);
  return book;
}
