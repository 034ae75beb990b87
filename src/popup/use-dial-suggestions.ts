// What the dial and transfer fields suggest for the text typed: contacts and
// recent numbers (shared/dial-suggestions.ts), with the country that numbers
// are formatted for.
import { useMemo } from 'preact/hooks';
import { dialSuggestions, type DialSuggestion } from '../shared/dial-suggestions';
import { useAddressBook } from '../shared/use-address-book';

export function useDialSuggestions(query: string): { suggestions: DialSuggestion[]; country: string } {
  const { contacts, country, history } = useAddressBook({ withHistory: true });
  const suggestions = useMemo(() => dialSuggestions(query, contacts, history, country), [query, contacts, history, country]);
  return { suggestions, country };
}
