// Contacts from vCard files (3.0 and 4.0, and the 2.1 that older phones
// export): FN, else N, for the name; every TEL with its TYPE. Folded lines
// are unfolded; quoted-printable values are decoded (2.1's soft line breaks
// included). Pure and linear in the text: a hostile or broken file gives
// fewer contacts, never an exception or a hang.
import { NUMBERS_PER_CONTACT, cleanContact, type ContactInput, type ContactNumberType } from './contacts';

export interface ParsedContacts {
  contacts: ContactInput[];
  /** Cards (or CSV lines) that had no phone number. */
  withoutNumber: number;
}

interface Property {
  name: string;
  params: string[];
  value: string;
}

/** Joins folded lines (CRLF + space or tab) and 2.1's quoted-printable soft breaks ("=" at the end). */
function unfold(text: string): string[] {
  const lines: string[] = [];
  // Whether the line being built is quoted-printable, known from its start (not searched again as it grows).
  let quoted = false;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const last = lines.length - 1;
    if ((line.startsWith(' ') || line.startsWith('\t')) && last >= 0) lines[last] += line.slice(1);
    else if (last >= 0 && quoted && lines[last]!.endsWith('=')) lines[last] = lines[last]!.slice(0, -1) + line;
    else {
      lines.push(line);
      quoted = /^[^:]*QUOTED-PRINTABLE/i.test(line.slice(0, 200));
    }
  }
  return lines;
}

function parseLine(line: string): Property | null {
  const colon = line.indexOf(':');
  if (colon <= 0) return null;
  const [head = '', ...params] = line.slice(0, colon).split(';');
  // "item1.TEL": the group prefix names nothing we use.
  const name = head.slice(head.lastIndexOf('.') + 1).toUpperCase();
  return { name, params: params.map((p) => p.toUpperCase()), value: line.slice(colon + 1) };
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i) & 0xff);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(bytes));
}

/** vCard text escapes: \, \; \n \\. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? ' ' : c));
}

/** Splits a structured value (N) on unescaped semicolons. */
function components(value: string): string[] {
  return value.split(/(?<!\\);/).map(unescapeText);
}

function textOf(property: Property): string {
  const qp = property.params.some((p) => p.includes('QUOTED-PRINTABLE'));
  return qp ? decodeQuotedPrintable(property.value) : property.value;
}

/** All the TYPE values, whether written TYPE=CELL,VOICE, TYPE=cell;TYPE=voice or (2.1) CELL. */
function typesOf(params: readonly string[]): string[] {
  return params
    .flatMap((p) => (p.startsWith('TYPE=') ? p.slice(5) : p.includes('=') ? '' : p).replace(/"/g, '').split(','))
    .filter(Boolean);
}

export function numberType(types: readonly string[]): ContactNumberType {
  const has = (...names: string[]) => types.some((t) => names.includes(t.toUpperCase()));
  if (has('CELL', 'MOBILE', 'IPHONE')) return 'mobile';
  if (has('WORK')) return 'work';
  if (has('HOME')) return 'home';
  return 'other';
}

/** "tel:+1-555-0100;ext=2" (4.0's URI form) → "+1-555-0100". */
function telNumber(value: string): string {
  return value.replace(/^tel:/i, '').split(';')[0]!.trim();
}

class Card {
  fn = '';
  n = '';
  numbers: { number: string; type: ContactNumberType }[] = [];
}

export function parseVCards(text: string): ParsedContacts {
  const contacts: ContactInput[] = [];
  let withoutNumber = 0;
  let card: Card | null = null;
  const finish = () => {
    if (!card) return;
    const contact = cleanContact({ name: card.fn || card.n, numbers: card.numbers });
    if (contact) contacts.push(contact);
    else withoutNumber++;
    card = null;
  };
  for (const line of unfold(text.replace(/^\uFEFF/, ''))) {
    const property = parseLine(line);
    if (!property) continue;
    const value = property.value.trim().toUpperCase();
    if (property.name === 'BEGIN' && value === 'VCARD') {
      finish(); // a card that never ended: taken as it is
      card = new Card();
      continue;
    }
    if (!card) continue;
    if (property.name === 'END' && value === 'VCARD') finish();
    else if (property.name === 'FN') card.fn = unescapeText(textOf(property)).trim();
    else if (property.name === 'N') {
      const [family = '', given = '', additional = '', prefix = '', suffix = ''] = components(textOf(property));
      card.n = [prefix, given, additional, family, suffix]
        .map((s) => s.trim())
        .filter(Boolean)
        .join(' ');
    } else if (property.name === 'TEL') {
      const types = typesOf(property.params);
      // A fax or pager cannot take a call.
      if (types.some((t) => t === 'FAX' || t === 'PAGER') && !types.some((t) => t === 'VOICE' || t === 'CELL')) continue;
      if (card.numbers.length < 4 * NUMBERS_PER_CONTACT)
        card.numbers.push({ number: telNumber(textOf(property)), type: numberType(types) });
    }
  }
  finish();
  return { contacts, withoutNumber };
}
