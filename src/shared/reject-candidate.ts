// Stage 2, part 1: the shapes and contexts that look like a phone number to a
// parser but are something else on a page. Checked before libphonenumber-js
// because a valid-looking order number is still an order number. Each rule
// returns a reason (used by tests and the bench report), or null.
import { digitCount, type Candidate } from './find-candidates';

const BEFORE = 32; // characters of context read before a candidate
const AFTER = 16;

// Words that say the digits are not a phone number when they come right before it.
const NOT_PHONE_BEFORE =
  /(?<![A-Za-zÀ-ÿ])(?:order|invoice|inv|ref(?:erence)?|ticket|tracking|case|isbn(?:-1[03])?|issn|sku|serial|iban|account|acct|customer|po|bestell|rechnung|kunden|commande|facture|pedido|factura|fattura|ordine|bestelling|factuur|注文|zip|postal|post ?code|plz|cep|cap|〒|v|version|build|release|rev|id|nr|no|n°|#|isin|ean|upc|gtin|vat|ust|siret|siren|cpf|cnpj|abn|ssn|nif|dni)\.?[\s:#-]*$/i;
// Words that say it is one; they win over a generic "No." / "Nr." / "ID".
const PHONE_BEFORE =
  /(?<![A-Za-zÀ-ÿ])(?:tel|phone|call|fax|mobile|mobil|cell|ph|ruf|téléphone|téléfono|telefone?|telefono|handy|whatsapp|tél|電話|☎|📞|hotline|dial|contact)\b[^\d]{0,12}$/i;
const STRONG_NOT_PHONE =
  /(?<![A-Za-zÀ-ÿ])(?:order|invoice|ticket|tracking|isbn|iban|serial|sku|bestell|rechnung|commande|facture|pedido|factura|fattura|ordine|注文|〒|zip|plz|cep|postal|post ?code)[^\d]{0,12}$/i;
const CURRENCY_BEFORE = /(?:[$€£¥₹₽₩]|\b(?:usd|eur|gbp|chf|jpy|inr|brl|aud|cad|mxn|sek|pln|rs\.?|r\$|kr))\s*$/i;
const UNIT_AFTER =
  /^\s*(?:[$€£¥₹%‰]|(?:usd|eur|gbp|chf|jpy|inr|brl|aud|cad|mxn|sek|pln|kr|km|kg|mb|gb|kb|tb|ms|px|views|users|people|items|bytes|downloads|visitors|likes|votes|times|pcs|units)\b)/i;

// "DE89 3704 …", "NL91 ABNA …": the country and check digits of an IBAN.
const IBAN_BEFORE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4})* ?$/;

const DATE = /^\(?\d{1,4}\)?[-./ ]\d{1,2}[-./ ]\d{1,4}$/;
const ISO_DATE_RANGE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}\s*[-/]\s*\d{4}[-./]\d{1,2}[-./]\d{1,2}$/;
const YEAR_RANGE = /^(?:1[89]|20)\d{2}\s*[-/]\s*(?:1[89]|20)\d{2}$/;
const DOTTED = /^\d+(?:\.\d+)+$/;
const ZIP_PLUS4 = /^\d{5}-\d{4}$/;
const CEP = /^\d{5}-\d{3}$/;
const CARD = /^\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{1,4}$|^\d{4}[ -]\d{6}[ -]\d{4,5}$/;
const ALL_DIGITS = /^\d+$/;
const EXTENSION = /(?:\s*(?:ext\.?|x|#|extension)\s*|;ext=)\d{1,7}$/i;
// Every extension marker has an "x" or a "#": most candidates skip EXTENSION.
const MAY_HAVE_EXTENSION = /[x#]/i;

/**
 * `pattern` (which ends in "$") tried once, backwards from the end of the
 * text, instead of from every position of it: the same matches, in half the
 * time or less for these word lists (a quarter for the currencies).
 */
export function atEnd(pattern: RegExp): RegExp {
  return new RegExp(`$(?<=${pattern.source.replace(/\$$/, '')})`, pattern.flags);
}
const NOT_PHONE_AT_END = atEnd(NOT_PHONE_BEFORE);
const PHONE_AT_END = atEnd(PHONE_BEFORE);
const STRONG_NOT_PHONE_AT_END = atEnd(STRONG_NOT_PHONE);
const CURRENCY_AT_END = atEnd(CURRENCY_BEFORE);

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** Luhn check: card numbers pass it; 9 in 10 phone numbers do not. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function shapeReason(value: string): string | null {
  const main = MAY_HAVE_EXTENSION.test(value) ? value.replace(EXTENSION, '') : value;
  const digits = digitCount(main);
  const international = main.startsWith('+');
  if (digits > 15) return 'too many digits (card number or ID)';
  if (DATE.test(main) || ISO_DATE_RANGE.test(main) || YEAR_RANGE.test(main)) return 'date';
  if (ZIP_PLUS4.test(main) || CEP.test(main)) return 'postal code';
  if (DOTTED.test(main)) {
    const groups = main.split('.');
    if (groups.length === 4 && groups.every((g) => g.length <= 3 && Number(g) <= 255)) return 'IP address';
    // Versions have one-digit or long middle parts; dotted phone numbers do not.
    if (groups.slice(1).some((g) => g.length === 1 || g.length > 4)) return 'version string';
  }
  if (CARD.test(main) && luhn(digitsOf(main))) return 'card number';
  // A bare run of many digits with no + and no trunk 0 is an ID, not a dialled number.
  if (!international && digits > 11 && ALL_DIGITS.test(main) && !main.startsWith('0')) return 'long ID';
  return null;
}

function contextReason(text: string, candidate: Candidate): string | null {
  const before = text.slice(Math.max(0, candidate.start - BEFORE), candidate.start);
  const after = text.slice(candidate.end, candidate.end + AFTER);
  if (CURRENCY_AT_END.test(before)) return 'price';
  if (IBAN_BEFORE.test(before)) return 'bank account';
  if (UNIT_AFTER.test(after)) return after.trimStart().startsWith('%') ? 'percentage' : 'amount';
  if (STRONG_NOT_PHONE_AT_END.test(before)) return 'labelled as not a phone number';
  if (NOT_PHONE_AT_END.test(before) && !PHONE_AT_END.test(before)) return 'labelled as not a phone number';
  return null;
}

/** Why `candidate` (found in `text`) is not a phone number, or null when it may be one. */
export function rejectCandidate(text: string, candidate: Candidate): string | null {
  return shapeReason(candidate.text) ?? contextReason(text, candidate);
}
