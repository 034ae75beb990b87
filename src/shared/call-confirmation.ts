// What the confirmation window is asked to show: the number a page, a
// selection or the context menu wants to call, where it came from, and why
// it is being asked. The service worker writes it into the window's URL
// fragment (only extension code can open or navigate that window), and the
// window parses it strictly before showing anything.

/** Where a number to confirm came from: a link on a page, the selection shortcut, the context menu. */
export type CallSource = 'link' | 'selection' | 'menu';

/** Why the user is asked (each is said in the window). */
export type ConfirmReason =
  'asked' | 'not-seen' | 'cross-origin-frame' | 'text-differs' | 'emergency' | 'short-number' | 'high-cost' | 'in-call' | 'selection';

export interface CallConfirmation {
  /** What is dialled: E.164 or a short number. */
  dial: string;
  /** The tab's site (host name). */
  site: string;
  /** The host of the frame the link is in, when that is another site than the tab's. */
  frame?: string;
  source: CallSource;
  /** The link's own visible text, when it is a link. */
  text?: string;
  reasons: ConfirmReason[];
  /** The user's default country (for formatting and emergency numbers). */
  region: string;
  /** The account the call goes out on, named when the user has several (id and address). */
  line?: { id: string; label: string };
}

export const CONFIRM_PAGE = 'src/confirm/confirm.html';

const SOURCES: readonly CallSource[] = ['link', 'selection', 'menu'];
const REASONS: readonly ConfirmReason[] = [
  'asked',
  'not-seen',
  'cross-origin-frame',
  'text-differs',
  'emergency',
  'short-number',
  'high-cost',
  'in-call',
  'selection',
];

export function encodeConfirmation(c: CallConfirmation): string {
  return encodeURIComponent(JSON.stringify(c));
}

export function decodeConfirmation(fragment: string): CallConfirmation | null {
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(fragment.replace(/^#/, '')));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const ok =
    typeof v.dial === 'string' &&
    /^\+?[0-9]{2,20}$/.test(v.dial) &&
    typeof v.site === 'string' &&
    v.site.length <= 253 &&
    (v.frame === undefined || (typeof v.frame === 'string' && v.frame.length <= 253)) &&
    SOURCES.includes(v.source as CallSource) &&
    (v.text === undefined || (typeof v.text === 'string' && v.text.length <= 200)) &&
    Array.isArray(v.reasons) &&
    v.reasons.every((r) => REASONS.includes(r as ConfirmReason)) &&
    typeof v.region === 'string' &&
    /^[A-Z]{2}$/.test(v.region) &&
    (v.line === undefined || isLine(v.line));
  if (!ok) return null;
  return {
    dial: v.dial as string,
    site: v.site as string,
    source: v.source as CallSource,
    ...(typeof v.frame === 'string' ? { frame: v.frame } : {}),
    ...(typeof v.text === 'string' ? { text: v.text } : {}),
    reasons: v.reasons as ConfirmReason[],
    region: v.region as string,
    ...(isLine(v.line) ? { line: { id: v.line.id, label: v.line.label } } : {}),
  };
}

function isLine(value: unknown): value is { id: string; label: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { id, label } = value as Record<string, unknown>;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id) && typeof label === 'string' && label.length <= 256;
}
