// The emergency table comes from Google libphonenumber's short-number
// metadata (scripts/generate-emergency-numbers.mjs); these tests fail when the
// committed table is stale or when our reading of it differs from the library's.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEmergencyNumber, numberFacts, viaOutsideLine } from '../../src/shared/number-facts';

const require = createRequire(import.meta.url);
const { ShortNumberInfo } = require('google-libphonenumber') as {
  ShortNumberInfo: { getInstance(): { connectsToEmergencyNumber(n: string, r: string): boolean; getSupportedRegions(): string[] } };
};

describe('emergency numbers', () => {
  it('are the ones the installed metadata has', async () => {
    const { emergencyPatterns } = await import('../../scripts/generate-emergency-numbers.mjs');
    expect(JSON.parse(readFileSync('src/shared/emergency-numbers.json', 'utf8'))).toEqual(emergencyPatterns());
  });

  it('agree with libphonenumber in ten regions (with prefix-only and exact-match ones) on a sweep of 1- to 4-digit numbers', () => {
    const info = ShortNumberInfo.getInstance();
    for (const region of ['US', 'DE', 'GB', 'FR', 'AU', 'BR', 'IN', 'JP', 'CL', 'NZ']) {
      for (let n = 0; n < 10000; n += 7) {
        for (const digits of [String(n).padStart(3, '0'), String(n)]) {
          expect(isEmergencyNumber(digits, region), `${digits} in ${region}`).toBe(info.connectsToEmergencyNumber(digits, region));
        }
      }
    }
  });

  it('are never high-cost or ordinary numbers, and premium numbers are high-cost', () => {
    expect(numberFacts('911', 'US')).toMatchObject({ emergency: true, short: true });
    expect(numberFacts('112', 'DE')).toMatchObject({ emergency: true });
    expect(numberFacts('+19005550199', 'US')).toMatchObject({ type: 'PREMIUM_RATE', highCost: true, emergency: false });
    expect(numberFacts('+14155550102', 'US')).toMatchObject({ highCost: false, national: '(415) 555-0102', country: 'US' });
  });

  it("behind a PBX's outside-line prefix (9 or 0) are emergency numbers too, exactly those", () => {
    expect(numberFacts('9911', 'US')).toMatchObject({ emergency: true, short: true });
    expect(numberFacts('9999', 'GB')).toMatchObject({ emergency: true });
    expect(numberFacts('0112', 'DE')).toMatchObject({ emergency: true });
    expect(numberFacts('0110', 'DE')).toMatchObject({ emergency: true });
    // Not an emergency number after the prefix, or more than one: an ordinary extension.
    for (const [digits, region] of [
      ['9912', 'US'],
      ['99110', 'US'],
      ['8911', 'US'],
      ['9112', 'JP'],
      ['0911', 'DE'],
      ['911', 'DE'],
    ]) {
      expect(viaOutsideLine(digits as string, region as string), `${digits} in ${region}`).toBe(false);
    }
    // A full number in international form is never read as a prefix and a short one.
    expect(numberFacts('+19115550100', 'US').emergency).toBe(false);
  });
});
