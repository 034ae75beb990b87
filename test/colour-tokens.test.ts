// Issue 11, point 1: text contrast of 4.5:1 or more in both colour schemes,
// measured from the stylesheets' own colour tokens (the custom properties of
// :root, and of :root under prefers-color-scheme: dark) with WCAG 2.1's
// formula. The e2e accessibility test measures the rendered pages as well.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SHEETS = ['src/popup/popup.css', 'src/options/options.css', 'src/confirm/confirm.css'];

type Tokens = Record<string, string>;

function declarations(block: string): Tokens {
  const tokens: Tokens = {};
  for (const [, name, value] of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) tokens[name!] = value!.trim();
  return tokens;
}

/** The light tokens (the first :root) and the dark ones (the light, overridden by :root under prefers-color-scheme: dark). */
export function schemes(css: string): { light: Tokens; dark: Tokens; darkOwn: Tokens } {
  const noComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const light = /^:root\s*\{([^}]*)\}/m.exec(noComments)?.[1];
  const dark = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(noComments)?.[1];
  const lightTokens = declarations(light ?? '');
  const darkOwn = declarations(dark ?? '');
  return { light: lightTokens, dark: { ...lightTokens, ...darkOwn }, darkOwn };
}

function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG 2.1 relative luminance and contrast ratio. */
export function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = rgb(hex).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `color-mix(in srgb, top P%, transparent)` laid on `under`. */
function tint(top: string, percent: number, under: string): string {
  const [t, u] = [rgb(top), rgb(under)];
  return `#${t
    .map((c, i) =>
      Math.round((c * percent) / 100 + u[i]! * (1 - percent / 100))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Tokens that colour text: all but the canvas, borders, fills and the text on fills. */
const isFill = (name: string) => name.endsWith('-fill') && name !== '--on-fill';
const isText = (name: string) => !['--canvas', '--line', '--on-fill'].includes(name) && !isFill(name);

/** The tints the sheet lays under text: of the text's own colour (currentColor), or of a token. */
function tints(css: string): { own: number[]; of: [string, number][] } {
  const own = [...new Set([...css.matchAll(/color-mix\(in srgb,\s*currentColor\s+(\d+)%,\s*transparent\)/g)].map((m) => Number(m[1])))];
  const of = [...css.matchAll(/color-mix\(in srgb,\s*var\((--[\w-]+)\)\s+(\d+)%,\s*transparent\)/g)].map(
    (m) => [m[1]!, Number(m[2])] as [string, number],
  );
  return { own, of };
}

/** Every pair of foreground and background the tokens make, with its ratio. */
export function pairs(css: string, tokens: Tokens): { what: string; ratio: number; needs: number }[] {
  const canvas = tokens['--canvas']!;
  const out: { what: string; ratio: number; needs: number }[] = [];
  const texts = Object.keys(tokens).filter(isText);
  const { own, of } = tints(css);
  for (const name of texts) {
    out.push({ what: `${name} on --canvas`, ratio: contrast(tokens[name]!, canvas), needs: 4.5 });
    for (const percent of own) {
      out.push({
        what: `${name} on its own ${percent}% tint`,
        ratio: contrast(tokens[name]!, tint(tokens[name]!, percent, canvas)),
        needs: 4.5,
      });
    }
  }
  for (const [under, percent] of of) {
    for (const name of ['--text', '--muted'].filter((n) => n in tokens)) {
      out.push({
        what: `${name} on ${under} ${percent}%`,
        ratio: contrast(tokens[name]!, tint(tokens[under]!, percent, canvas)),
        needs: 4.5,
      });
    }
  }
  for (const fill of Object.keys(tokens).filter(isFill)) {
    out.push({ what: `--on-fill on ${fill}`, ratio: contrast(tokens['--on-fill']!, tokens[fill]!), needs: 4.5 });
  }
  // WCAG 1.4.11: the borders of fields and buttons, 3:1.
  out.push({ what: '--line on --canvas', ratio: contrast(tokens['--line']!, canvas), needs: 3 });
  return out;
}

describe('colour tokens', () => {
  it('measures as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#6b7280', '#121212')).toBeCloseTo(3.88, 2); // the grey the issue measured in dark mode
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(tint('#ffffff', 50, '#000000')).toBe('#808080');
  });

  describe.each(SHEETS)('%s', (sheet) => {
    const css = readFileSync(sheet, 'utf8');
    const { light, dark, darkOwn } = schemes(css);

    it('sets its canvas, text and every colour for both schemes', () => {
      for (const name of ['--canvas', '--text', '--on-fill', '--line']) expect(light).toHaveProperty(name);
      // A colour left out of the dark block would be the light one on the dark canvas.
      expect(Object.keys(darkOwn).sort()).toEqual(Object.keys(light).sort());
      expect(css).toMatch(/body\s*\{[^}]*background:\s*var\(--canvas\);[^}]*color:\s*var\(--text\);/);
    });

    it.each([
      ['light', light],
      ['dark', dark],
    ] as const)('every pair reaches its ratio in the %s scheme', (_scheme, tokens) => {
      const failing = pairs(css, tokens)
        .filter((p) => p.ratio < p.needs)
        .map((p) => `${p.what}: ${p.ratio.toFixed(2)}:1 (needs ${p.needs}:1)`);
      expect(failing).toEqual([]);
    });
  });
});
