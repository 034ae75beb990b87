import { describe, expect, it } from 'vitest';
import { parseVCards } from '../../src/shared/vcard-contacts';
import { parseContactFile } from '../../src/shared/import-contacts';

const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n');

describe('parseVCards', () => {
  it('reads vCard 3.0: FN, each TEL with its type, CRLF line ends', () => {
    const text = card(
      'VERSION:3.0',
      'N:Bauer;Bea;;;',
      'FN:Bea Bauer',
      'TEL;TYPE=CELL,VOICE:+49 171 1234567',
      'TEL;TYPE=WORK:030 901820',
      'TEL;TYPE=HOME:030 111',
    );
    expect(parseVCards(text)).toEqual({
      contacts: [
        {
          name: 'Bea Bauer',
          numbers: [
            { number: '+49 171 1234567', type: 'mobile' },
            { number: '030 901820', type: 'work' },
            { number: '030 111', type: 'home' },
          ],
        },
      ],
      withoutNumber: 0,
    });
  });

  it('reads vCard 4.0: tel: URIs with parameters, repeated and lower-case TYPE, grouped properties', () => {
    const text = card(
      'VERSION:4.0',
      'FN:Carl',
      'TEL;VALUE=uri;TYPE="voice,cell":tel:+1-415-555-0100;ext=12',
      'item1.TEL;type=work;type=voice:1003',
    );
    expect(parseVCards(text).contacts[0]?.numbers).toEqual([
      { number: '+1-415-555-0100', type: 'mobile' },
      { number: '1003', type: 'work' },
    ]);
  });

  it('unfolds folded lines and unescapes text; builds the name from N without FN', () => {
    const text = card('VERSION:3.0', 'FN:Dora\\, the', '  Explorer', 'TEL:1002') + '\n' + card('N:Diaz;Dora;Maria;Dr.;', 'TEL:1003');
    expect(parseVCards(text).contacts.map((c) => c.name)).toEqual(['Dora, the Explorer', 'Dr. Dora Maria Diaz']);
  });

  it('decodes 2.1 quoted-printable names (soft line breaks too) and bare type parameters', () => {
    const text = card('VERSION:2.1', 'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen =', 'M=C3=BCller', 'TEL;CELL:0171 555');
    expect(parseVCards(text).contacts).toEqual([{ name: 'Jürgen Müller', numbers: [{ number: '0171 555', type: 'mobile' }] }]);
  });

  it('counts cards without a callable number; leaves out faxes', () => {
    const text = [card('FN:Mail only', 'EMAIL:a@b.example'), card('FN:Fax only', 'TEL;TYPE=FAX:030 1'), card('FN:Ok', 'TEL:1002')].join(
      '\n',
    );
    expect(parseVCards(text)).toEqual({ contacts: [{ name: 'Ok', numbers: [{ number: '1002', type: 'other' }] }], withoutNumber: 2 });
  });

  it('survives broken files: no END, text outside cards, lines without a colon, a BOM', () => {
    const text = '\uFEFFjunk line\nBEGIN:VCARD\nFN:First\nTEL:1002\nBEGIN:VCARD\nno colon here\nFN:Second\nTEL:1003\n';
    expect(parseVCards(text).contacts.map((c) => c.name)).toEqual(['First', 'Second']);
    expect(parseVCards('')).toEqual({ contacts: [], withoutNumber: 0 });
    expect(parseVCards('END:VCARD\nTEL:1\n')).toEqual({ contacts: [], withoutNumber: 0 });
  });

  it('keeps script-like names as text, on one line, and numbers only if they are numbers', () => {
    const text = card('FN:<script>alert(1)</script>\\nnext', 'TEL:javascript:alert(1)', 'TEL:1002');
    expect(parseVCards(text).contacts).toEqual([{ name: '<script>alert(1)</script> next', numbers: [{ number: '1002', type: 'other' }] }]);
  });

  it('reads a huge file in linear time: 20,000 cards, and one card folded over 100,000 lines', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => card(`FN:Person ${i}`, `TEL:${10_000 + i}`)).join('\n');
    const started = performance.now();
    expect(parseVCards(many).contacts).toHaveLength(20_000);
    const folded = card('FN;ENCODING=QUOTED-PRINTABLE:' + 'a='.repeat(50_000), ' b'.repeat(100_000), 'TEL:1002');
    expect(parseVCards(folded).contacts[0]?.name.length).toBeLessThanOrEqual(200);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('parseContactFile', () => {
  it('tells vCard from CSV, and refuses what it cannot read', () => {
    expect(parseContactFile(card('FN:A', 'TEL:1002'))).toMatchObject({ ok: true, format: 'vcard' });
    expect(parseContactFile('Name,Phone\nA,1002\n')).toMatchObject({ ok: true, format: 'csv' });
    expect(parseContactFile('just some text')).toEqual({ ok: false, error: 'no-phone-column' });
    expect(parseContactFile('BEGIN:VCARD\n')).toEqual({ ok: true, format: 'vcard', contacts: [], withoutNumber: 1 });
    expect(parseContactFile('\tBEGIN:VCARD')).toEqual({ ok: false, error: 'nothing-found' });
    expect(parseContactFile('x'.repeat(10 * 1024 * 1024 + 1))).toEqual({ ok: false, error: 'too-large' });
  });
});
