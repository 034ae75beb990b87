// The toolbar's state icons and the extension icons are PNGs drawn from
// icons/handset.svg (scripts/render-icons.ts): each state has its icon at both
// sizes, every size the manifest names is there at that size, and the 128 px
// artwork stays in Chrome's central 96 px.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TONE_ICONS } from '../../src/background/toolbar-state';

/** Width and height from a PNG's IHDR. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('icons', () => {
  it('every toolbar state has its icon at 16 and 32 px', () => {
    for (const name of new Set(Object.values(TONE_ICONS))) {
      for (const size of [16, 32]) expect(pngSize(`public/icons/state/${name}-${size}.png`)).toEqual([size, size]);
    }
  });

  it('the manifest names icons that exist at their size', () => {
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as {
      icons: Record<string, string>;
      action: { default_icon: Record<string, string> };
    };
    for (const [size, path] of [...Object.entries(manifest.icons), ...Object.entries(manifest.action.default_icon)]) {
      expect(pngSize(`public/${path}`)).toEqual([Number(size), Number(size)]);
    }
  });

  it('draws the 128 px artwork inside the central 96 px', () => {
    const svg = readFileSync('icons/handset.svg', 'utf8');
    expect(svg).toContain('viewBox="0 0 128 128"');
    const disc = /<circle id="disc" cx="(\d+)" cy="(\d+)" r="(\d+)"/.exec(svg);
    expect(disc?.slice(1).map(Number)).toEqual([64, 64, 48]);
  });
});
