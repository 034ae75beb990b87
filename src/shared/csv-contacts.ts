// Contacts from CSV exports: the header row names the columns. Google
// Contacts ("Name", "Given Name", "Family Name", "Phone 1 - Type",
// "Phone 1 - Value" with several numbers joined by " ::: "), Outlook
// ("First Name", "Last Name", "Mobile Phone", "Business Phone", "Home Phone"…)
// and plain lists ("Name", "Phone") all read. Pure.
import { CONTACTS_LIMIT, NUMBERS_PER_CONTACT, cleanContact, type ContactInput, type ContactNumberType } from './contacts';
import { parseCsvRows } from './csv-rows';
import { numberType, type ParsedContacts } from './vcard-contacts';

export interface CsvContacts extends ParsedContacts {
  /** No column with phone numbers: nothing could be read. */
  noPhoneColumn: boolean;
}

const FULL_NAME = ['name', 'full name', 'display name', 'file as'];
const FIRST = ['first name', 'given name'];
const MIDDLE = ['middle name', 'additional name'];
const LAST = ['last name', 'family name', 'surname'];
const COMPANY = ['company', 'organization', 'organization 1 - name', 'organization name'];

/** A column of phone numbers, not its type or label, and not a fax or a pager. */
function isPhoneColumn(header: string): boolean {
  return /phone|mobile|\btel|cell|\bnumber/.test(header) && !/fax|pager|type|label|e-?mail/.test(header);
}

function typeFromText(text: string): ContactNumberType {
  const t = text.toLowerCase();
  if (/mobile|cell|handy/.test(t)) return 'mobile';
  if (/work|business|company|office/.test(t)) return 'work';
  if (/home|private/.test(t)) return 'home';
  return numberType([]);
}

interface PhoneColumn {
  index: number;
  /** Google's "Phone 1 - Type" beside "Phone 1 - Value". */
  typeIndex: number;
  type: ContactNumberType;
}

export function parseCsvContacts(text: string): CsvContacts {
  // Twice the book's limit in lines: enough to fill it past lines without numbers, bounded for huge files.
  const [header = [], ...rows] = parseCsvRows(text, 2 * CONTACTS_LIMIT + 1);
  const names = header.map((h) => h.trim().toLowerCase());
  const find = (options: string[]) => names.findIndex((n) => options.includes(n));
  const phones: PhoneColumn[] = names.flatMap((name, index) => {
    if (!isPhoneColumn(name)) return [];
    const google = /^phone (\d+) - value$/.exec(name);
    return [{ index, typeIndex: google ? names.indexOf(`phone ${google[1]} - type`) : -1, type: typeFromText(name) }];
  });
  if (phones.length === 0) return { contacts: [], withoutNumber: 0, noPhoneColumn: true };
  const [full, first, middle, last, company] = [FULL_NAME, FIRST, MIDDLE, LAST, COMPANY].map(find);
  const cell = (row: string[], index: number | undefined) => (index === undefined || index < 0 ? '' : (row[index] ?? '').trim());
  const contacts: ContactInput[] = [];
  let withoutNumber = 0;
  for (const row of rows) {
    if (row.every((f) => f.trim() === '')) continue; // a blank line is no contact
    const numbers = phones
      .flatMap(({ index, typeIndex, type }) =>
        cell(row, index)
          .split(/\s*:::\s*|\n/)
          .map((number) => ({ number, type: typeIndex >= 0 && cell(row, typeIndex) ? typeFromText(cell(row, typeIndex)) : type })),
      )
      .filter((n) => n.number !== '')
      .slice(0, 4 * NUMBERS_PER_CONTACT);
    const name = cell(row, full) || [cell(row, first), cell(row, middle), cell(row, last)].filter(Boolean).join(' ') || cell(row, company);
    const contact = cleanContact({ name, numbers });
    if (contact) contacts.push(contact);
    else withoutNumber++;
  }
  return { contacts, withoutNumber, noPhoneColumn: false };
}
