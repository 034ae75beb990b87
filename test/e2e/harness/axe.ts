// axe-core run in a page of the extension, as the accessibility tests use it:
// its source is evaluated through the debugger (extension pages' CSP would
// refuse a script tag, and nothing of axe ships in the extension), then it
// checks the page as it is in the light and in the dark colour scheme.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** WCAG 2.1 A and AA, and axe's best practices (colour contrast among them). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * The impacts that fail a test; 'minor' ones are printed only. A colour
 * contrast that axe could not measure fails too: "measured, not assumed".
 */
const FAILING = new Set(['critical', 'serious', 'moderate']);

export type Scheme = 'light' | 'dark';

export interface AxeViolation {
  /** Which state of which page, and in which scheme. */
  where: string;
  rule: string;
  impact: string;
  help: string;
  /** The offending elements (CSS selector and axe's summary of what is wrong). */
  nodes: string[];
}

interface RawViolation {
  id: string;
  impact: string;
  /** axe could not decide (for colour contrast: it could not measure, so the contrast is not known). */
  incomplete: boolean;
  help: string;
  nodes: string[];
}

async function runAxe(page: Page): Promise<RawViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const results = await run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
    // Contrasts axe could not measure, but for icon glyphs (✕, ⌫: 'nonBmp'), which take their button's measured text colour.
    const undecided = results.incomplete
      .filter((v) => v.id === 'color-contrast')
      .map((v) => ({
        ...v,
        nodes: v.nodes.filter((n) => !n.any.some((check) => (check.data as { messageKey?: string } | null)?.messageKey === 'nonBmp')),
      }))
      .filter((v) => v.nodes.length > 0);
    return [...results.violations.map((v) => ({ v, incomplete: false })), ...undecided.map((v) => ({ v, incomplete: true }))].map(
      ({ v, incomplete }) => ({
        id: v.id,
        impact: v.impact ?? 'unknown',
        incomplete,
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')),
      }),
    );
  }, AXE_TAGS);
}

/**
 * The page's violations in both colour schemes (critical, serious and
 * moderate, and contrasts that could not be measured; minor ones are
 * logged). Leaves the page in the light scheme.
 */
export async function axeViolations(page: Page, state: string): Promise<AxeViolation[]> {
  const found: AxeViolation[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const v of await runAxe(page)) {
      const violation = {
        where: `${state} (${scheme})`,
        rule: v.incomplete ? `${v.id} (not measurable)` : v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes,
      };
      if (FAILING.has(v.impact) || v.incomplete) found.push(violation);
      else console.log(`axe, minor: ${formatViolation(violation)}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

export function formatViolation(v: AxeViolation): string {
  return `${v.where}: ${v.rule} [${v.impact}] ${v.help}\n${v.nodes.map((n) => `    ${n}`).join('\n')}`;
}
