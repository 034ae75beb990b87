import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../src/shared/find-candidates';
import { atEnd, rejectCandidate } from '../../src/shared/reject-candidate';
import { seededRandom } from './seeded-random';

const reasonIn = (text: string) => {
  const [candidate] = findCandidates(text);
  if (!candidate) throw new Error(`no candidate in ${text}`);
  return rejectCandidate(text, candidate);
};

describe('rejectCandidate', () => {
  it('reads the words and signs before and after a candidate', () => {
    expect(reasonIn('Order no. 4155550132 shipped')).toBe('labelled as not a phone number');
    expect(reasonIn('Tracking number: 4155550132')).toBe('labelled as not a phone number');
    expect(reasonIn('Tel. No. 4155550132')).toBeNull();
    expect(reasonIn('Contact ID 4155550132')).toBeNull();
    expect(reasonIn('Price USD 4155550132')).toBe('price');
    expect(reasonIn('Price € 4 155 550 132')).toBe('price');
    // "usd" inside a word is not a currency, "no" inside a word is not a label.
    expect(reasonIn('thousd 4155550132')).toBeNull();
    expect(reasonIn('Casino 4155550132')).toBeNull();
    expect(reasonIn('Up 4155550132 % since')).toBe('percentage');
    expect(reasonIn('注文 0312345678')).toBe('labelled as not a phone number');
    expect(reasonIn('📞 0312345678')).toBeNull();
  });

  it('reads the shape of the candidate itself', () => {
    expect(reasonIn('on 2024-11-25 at')).toBe('date');
    // The shape is read without an extension.
    expect(reasonIn('on 2024-11-25 x12 at')).toBe('date');
    expect(reasonIn('on 2024-11-25 #12 at')).toBe('date');
    expect(reasonIn('Card 4111 1111 1111 1111 ok')).toBe('too many digits (card number or ID)');
    expect(reasonIn('Card 3782 822463 10005 ok')).toBe('card number');
    expect(reasonIn('Call (206) 555-0100 ext. 23')).toBeNull();
    expect(reasonIn('Ref 01234567890 ok')).toBe('labelled as not a phone number');
    expect(reasonIn('is 123456789012 ok')).toBe('long ID');
  });
});

describe('atEnd', () => {
  // The word lists' shapes: a lookbehind before the word, \b, a bounded gap, an astral character.
  const PATTERNS = [
    /(?<![A-Za-zÀ-ÿ])(?:order|no|n°|#|注文|v)\.?[\s:#-]*$/i,
    /(?<![A-Za-zÀ-ÿ])(?:tel|call|📞)\b[^\d]{0,12}$/i,
    /(?:[$€]|\b(?:usd|rs\.?|r\$))\s*$/i,
  ];
  const PIECES = [
    'order',
    'no',
    'n°',
    '#',
    '注文',
    'v',
    'tel',
    'call',
    '📞',
    'usd',
    'rs.',
    'r$',
    '$',
    '€',
    '.',
    ':',
    '-',
    ' ',
    ' ',
    'x',
    'É',
    '1',
    'a',
  ];

  it('matches where the pattern tried from every position matches, and only there', () => {
    const random = seededRandom(7);
    let matched = 0;
    for (const pattern of PATTERNS) {
      const backwards = atEnd(pattern);
      for (let i = 0; i < 4000; i++) {
        let text = '';
        const pieces = 1 + Math.floor(random() * 6);
        for (let p = 0; p < pieces; p++) text += PIECES[Math.floor(random() * PIECES.length)];
        expect(backwards.test(text), `${pattern.source} on "${text}"`).toBe(pattern.test(text));
        if (pattern.test(text)) matched++;
      }
    }
    expect(matched).toBeGreaterThan(1000);
  });
});
