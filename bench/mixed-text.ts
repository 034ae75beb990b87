// Builds the bench's text: the labelled corpus lines (all countries) spread
// through ordinary prose with the years, times, counts and prices real pages
// have: one corpus line after every eight sentences gives about 700 phone
// numbers per MiB, the density of the baseline in PLATFORM-NOTES (647).
import { PHONE_CORPUS } from '../test/shared/phone-corpus';

const PROSE = [
  'The quarterly review covered hiring, the new onboarding flow and the customer survey from last spring.',
  'Most respondents said the product was easy to use, although 12 of them asked for better reporting.',
  'In 2023 the team shipped four major releases and closed more than 1,200 support tickets.',
  'Please read the attached notes before the workshop on Thursday; coffee will be served from 9:15.',
  'Shipping usually takes three to five business days, depending on the destination and the carrier.',
  'Our offices are closed on public holidays, but the help centre stays open around the clock.',
  'The average basket grew by 8% while returns stayed flat at roughly 3 items per hundred orders.',
  'Remember to update your password every ninety days and to enable two-factor authentication.',
];

const EVERY = 9;

/** About `bytes` bytes of prose with the corpus lines spread through it (or prose only). */
export function mixedText(bytes: number, withCorpus = true): string {
  const lines = PHONE_CORPUS.map(([, text]) => text);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part =
      withCorpus && i % EVERY === EVERY - 1 ? (lines[Math.floor(i / EVERY) % lines.length] ?? '') : (PROSE[i % PROSE.length] ?? '');
    parts.push(part);
    size += Buffer.byteLength(part) + 1;
  }
  return parts.join('\n').slice(0, bytes);
}
