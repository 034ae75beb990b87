// One entry point for an imported file: vCard when it has a card, CSV
// otherwise; too large a file is refused before it is read.
import { parseCsvContacts } from './csv-contacts';
import { parseVCards, type ParsedContacts } from './vcard-contacts';

/** 10 MB: far more than 5,000 contacts need, little enough to parse at once in a page. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type ImportParse =
  ({ ok: true; format: 'vcard' | 'csv' } & ParsedContacts) | { ok: false; error: 'too-large' | 'no-phone-column' | 'nothing-found' };

export function parseContactFile(text: string): ImportParse {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: 'too-large' };
  if (/(^|\n)\uFEFF?[ \t]*BEGIN:VCARD/i.test(text.slice(0, 4096))) {
    const parsed = parseVCards(text);
    return parsed.contacts.length + parsed.withoutNumber === 0
      ? { ok: false, error: 'nothing-found' }
      : { ok: true, format: 'vcard', ...parsed };
  }
  const { noPhoneColumn, ...parsed } = parseCsvContacts(text);
  if (noPhoneColumn) return { ok: false, error: 'no-phone-column' };
  return { ok: true, format: 'csv', ...parsed };
}
