// The address book's words that more than one page says.
import type { ContactNumberType } from './contacts';
import type { ImportResult } from './contacts';
import type { ImportParse } from './import-contacts';
import { plural, t } from './i18n';

export function numberTypeLabel(type: ContactNumberType): string {
  switch (type) {
    case 'mobile':
      return t('contacts_type_mobile');
    case 'work':
      return t('contacts_type_work');
    case 'home':
      return t('contacts_type_home');
    case 'other':
      return t('contacts_type_other_number');
  }
}

/** "Imported 12 contacts. Skipped 2 lines without a number." */
export function describeImport(parsed: ImportParse & { ok: true }, result: Omit<ImportResult, 'contacts'>): string {
  const parts = [plural('contacts_imported', result.added)];
  if (parsed.withoutNumber > 0) {
    parts.push(plural(parsed.format === 'vcard' ? 'contacts_skipped_cards' : 'contacts_skipped_lines', parsed.withoutNumber));
  }
  if (result.duplicates > 0) parts.push(plural('contacts_duplicates', result.duplicates));
  if (result.overLimit > 0) parts.push(plural('contacts_over_limit', result.overLimit));
  return parts.join(' ');
}

export function describeImportError(error: (ImportParse & { ok: false })['error']): string {
  switch (error) {
    case 'too-large':
      return t('contacts_import_too_large');
    case 'no-phone-column':
      return t('contacts_import_no_phone_column');
    case 'nothing-found':
      return t('contacts_import_nothing');
  }
}
