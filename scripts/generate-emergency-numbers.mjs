#!/usr/bin/env node
// Writes src/shared/emergency-numbers.json: each region's emergency numbers as
// Google's libphonenumber short-number metadata gives them (a regular
// expression over the national digits). libphonenumber-js has no short-number
// metadata, and the full library is too big to ship in the service worker, so
// the patterns are extracted here; test/shared/emergency-numbers.test.ts fails
// when the committed file no longer matches the installed metadata.
//   node scripts/generate-emergency-numbers.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { URL } from 'node:url';
import { createRequire } from 'node:module';

const OUT = new URL('../src/shared/emergency-numbers.json', import.meta.url);

export function emergencyPatterns() {
  const { ShortNumberInfo } = createRequire(import.meta.url)('google-libphonenumber');
  const info = ShortNumberInfo.getInstance();
  const patterns = {};
  for (const region of [...info.getSupportedRegions()].sort()) {
    const pattern = info.getMetadataForRegion_(region)?.getEmergency()?.getNationalNumberPatternOrDefault();
    if (pattern) patterns[region] = pattern;
  }
  return patterns;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = `${JSON.stringify(emergencyPatterns(), null, 0).replace(/,"/g, ',\n"')}\n`;
  if (process.argv.includes('--check')) {
    if (readFileSync(OUT, 'utf8') !== text) {
      console.error('src/shared/emergency-numbers.json is out of date: run node scripts/generate-emergency-numbers.mjs');
      process.exit(1);
    }
  } else writeFileSync(OUT, text);
}
