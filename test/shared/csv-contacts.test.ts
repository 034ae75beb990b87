import { describe, expect, it } from 'vitest';
import { parseCsvContacts } from '../../src/shared/csv-contacts';
import { detectDelimiter, parseCsvRows } from '../../src/shared/csv-rows';
import { CONTACTS_LIMIT } from '../../src/shared/contacts';

describe('parseCsvRows', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks; CRLF, LF and CR rows', () => {
    expect(parseCsvRows('a,"b,c","say ""hi""","two\r\nlines"\r\nd,e\rf\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\r\nlines'],
      ['d', 'e'],
      ['f'],
    ]);
  });

  it('keeps empty fields, a last row without a line break, and strips a BOM', () => {
    expect(parseCsvRows('\uFEFFa,,b\n,\nc')).toEqual([['a', '', 'b'], ['', ''], ['c']]);
  });

  it('picks the delimiter the header uses most', () => {
    expect(detectDelimiter('First Name;Last Name;Mobile Phone\n')).toBe(';');
    expect(detectDelimiter('Name\tPhone')).toBe('\t');
    expect(detectDelimiter('Name,Phone')).toBe(',');
  });

  it('treats an unclosed quote as running to the end, without hanging', () => {
    expect(parseCsvRows('a,"never closed\nb,c')).toEqual([['a', 'never closed\nb,c']]);
  });
});

describe('parseCsvContacts', () => {
  it('reads a Google Contacts export: Name, Phone N - Type and Phone N - Value with several numbers', () => {
    const csv = [
      'Name,Given Name,Family Name,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value',
      '"Castro, Carl",Carl,Castro,* Mobile,+1 415 555 0100 ::: +1 415 555 0101,Work,1003',
    ].join('\n');
    expect(parseCsvContacts(csv)).toEqual({
      contacts: [
        {
          name: 'Castro, Carl',
          numbers: [
            { number: '+1 415 555 0100', type: 'mobile' },
            { number: '+1 415 555 0101', type: 'mobile' },
            { number: '1003', type: 'work' },
          ],
        },
      ],
      withoutNumber: 0,
      noPhoneColumn: false,
    });
  });

  it('reads an Outlook export: First/Middle/Last Name and Mobile, Business, Home Phone; not the fax', () => {
    const csv = [
      'First Name,Middle Name,Last Name,Company,Business Fax,Mobile Phone,Business Phone,Home Phone,E-mail Address',
      'Dora,M.,Diaz,ACME,030 9,0171 1,030 2,030 3,dora@example.com',
      ',,,ACME Front Desk,,,030 4,,',
    ].join('\r\n');
    expect(parseCsvContacts(csv).contacts).toEqual([
      {
        name: 'Dora M. Diaz',
        numbers: [
          { number: '0171 1', type: 'mobile' },
          { number: '030 2', type: 'work' },
          { number: '030 3', type: 'home' },
        ],
      },
      { name: 'ACME Front Desk', numbers: [{ number: '030 4', type: 'work' }] },
    ]);
  });

  it('reads a plain list with semicolons, and counts lines without a number (blank lines are not lines)', () => {
    const csv = 'Name;Phone\nAnn;1002\nBo;\n\n;;\nCy;not a number\n';
    expect(parseCsvContacts(csv)).toEqual({
      contacts: [{ name: 'Ann', numbers: [{ number: '1002', type: 'other' }] }],
      withoutNumber: 2,
      noPhoneColumn: false,
    });
  });

  it('says when no column holds phone numbers', () => {
    expect(parseCsvContacts('Name,Email\nAnn,a@b.example')).toEqual({ contacts: [], withoutNumber: 0, noPhoneColumn: true });
    expect(parseCsvContacts('')).toMatchObject({ noPhoneColumn: true });
  });

  it('keeps script-like names as text on one line; missing fields are empty', () => {
    const csv = 'Name,Phone,Notes\n"<img src=x onerror=alert(1)>\nnext",1002\n';
    expect(parseCsvContacts(csv).contacts).toEqual([
      { name: '<img src=x onerror=alert(1)> next', numbers: [{ number: '1002', type: 'other' }] },
    ]);
  });

  it("stops at twice the book's limit of lines in a huge file, in linear time", () => {
    const csv = 'Name,Phone\n' + Array.from({ length: 50_000 }, (_, i) => `P${i},${10_000 + i}`).join('\n');
    const started = performance.now();
    const { contacts } = parseCsvContacts(csv);
    expect(contacts).toHaveLength(2 * CONTACTS_LIMIT);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
