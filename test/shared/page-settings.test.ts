import { describe, expect, it, vi } from 'vitest';
import { parseSettings } from '../../src/shared/stored-click-to-call';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { readLinkTitle, readMirroredSettings } = await import('../../src/shared/page-settings');

// The page script reads the mirror with its own small check (no valibot in every
// page): it must answer exactly as the stored schema does.
const SAMPLES: unknown[] = [
  undefined,
  null,
  'on',
  [],
  {},
  { enabled: false, defaultCountry: 'DE', takeOverLinks: false, allowList: ['crm.example'], denyList: ['bank.example'] },
  { enabled: 'yes', defaultCountry: 'germany', denyList: ['ok.example', 'bad host', 3], allowList: 'crm.example' },
  { callAtOnce: ['crm.example', 'NO.example', 'x'.repeat(300)], extensionDigits: { min: 3, max: 4 } },
  { extensionDigits: { min: 1, max: 4 } },
  { extensionDigits: { min: 5, max: 4 } },
  { extensionDigits: { min: 3.5, max: 4 } },
  { extensionDigits: { min: 3 } },
  { extensionDigits: 'four' },
  { denyList: Array.from({ length: 600 }, (_, i) => `site${i}.example`) },
];

describe('page settings (the mirror as content scripts read it)', () => {
  it.each(SAMPLES.map((sample) => [JSON.stringify(sample)?.slice(0, 80) ?? 'undefined', sample]))(
    'reads %s as the schema does',
    (_, sample) => {
      expect(readMirroredSettings(sample, () => ['de-AT'])).toEqual(parseSettings(sample, ['de-AT']));
    },
  );
});

describe('the mirrored link title (read instead of chrome.i18n, which would load the catalogue into every page)', () => {
  it('takes a short plain text', () => {
    expect(readLinkTitle('Call with ClickDial')).toBe('Call with ClickDial');
    expect(readLinkTitle('Mit ClickDial anrufen')).toBe('Mit ClickDial anrufen');
  });

  it('leaves anything else, so the page falls back to chrome.i18n', () => {
    for (const value of [undefined, null, 42, {}, ['Call'], '', 'x'.repeat(81), 'Call\nwith ClickDial', 'Call\u0000']) {
      expect(readLinkTitle(value)).toBeUndefined();
    }
  });
});
