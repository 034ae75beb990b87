import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The pages' layout follows the text direction (<html dir>, src/shared/i18n.ts localizeDocument):
// their stylesheets say start and end (margin-inline-start), never left and right.
const SHEETS = [
  'src/shared/page-base.css',
  'src/popup/popup.css',
  'src/popup/call-video.css',
  'src/options/options.css',
  'src/setup/setup.css',
  'src/confirm/confirm.css',
  'src/call-window/call-window.css',
];

const PHYSICAL = [
  /\b(margin|padding|border)-(left|right)\b/,
  /(^|[\s;{])(left|right)\s*:/,
  /\b(text-align|float|clear)\s*:\s*(left|right)\b/,
  /\bborder-(top|bottom)-(left|right)-radius\b/,
];

/** A four-value margin or padding whose left and right differ. */
const LOPSIDED = /\b(margin|padding)\s*:\s*(\S+)\s+(\S+)\s+(\S+)\s+([^\s;]+)/;

export function physicalRules(css: string): string[] {
  return css.split('\n').filter((line) => {
    if (PHYSICAL.some((rule) => rule.test(line))) return true;
    const four = LOPSIDED.exec(line);
    return four !== null && four[3] !== four[5];
  });
}

describe('stylesheets use logical properties', () => {
  it('finds physical sides', () => {
    expect(
      physicalRules('.a { margin-left: auto; }\n.b { padding: 2px 12px 2px 0; }\n.c { text-align: right; }\n.d { right: 0; }'),
    ).toHaveLength(4);
    expect(physicalRules('.a { margin-inline-start: auto; padding: 2px 4px 2px 4px; text-align: start; clip-path: inset(50%); }')).toEqual(
      [],
    );
  });

  it.each(SHEETS)('%s has no left or right', (sheet) => {
    expect(physicalRules(readFileSync(sheet, 'utf8'))).toEqual([]);
  });
});
