// Opens the confirmation window: a small window of ClickDial's own, which no
// web page can draw over, script or read, showing the number a page (or a
// selection) wants to call. One at a time: the same number again only brings
// it to the front (a double click, or clicking again while it is open);
// another number replaces it, in a new window, so what the user reads is
// never swapped under them (the window arms its Call button afresh).
//
//   none ──ask(n)──▶ open(n) ──ask(n)──▶ open(n), focused
//                     │  ──ask(m)──▶ closed, open(m)   (dropped within MIN_GAP_MS of its opening)
//                     └─ Call / Cancel / Escape / closed ──▶ none
// Requests are handled one after another (a queue), never two at once.
import { CONFIRM_PAGE, decodeConfirmation, encodeConfirmation, type CallConfirmation } from '../shared/call-confirmation';

const WIDTH = 420;
const HEIGHT = 400;

interface OpenConfirmation {
  windowId: number;
  url: string;
}

async function openConfirmations(): Promise<OpenConfirmation[]> {
  const page = chrome.runtime.getURL(CONFIRM_PAGE);
  const contexts = await chrome.runtime.getContexts({ contextTypes: ['TAB'] });
  return contexts
    .filter((c) => c.documentUrl?.startsWith(page) === true && c.windowId >= 0)
    .map((c) => ({ windowId: c.windowId, url: c.documentUrl ?? '' }));
}

/**
 * Over the window the user was in, where they will look, but not at a spot a
 * page could work out from its own window's position (to put a "click here"
 * where the Call button will appear): a random offset each time.
 */
async function placement(): Promise<{ left?: number; top?: number }> {
  try {
    const last = await chrome.windows.getLastFocused();
    if (last.left === undefined || last.top === undefined || last.width === undefined || last.height === undefined) return {};
    const jitter = (span: number) => Math.round((crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) % (2 * span)) - span;
    return {
      left: Math.max(0, Math.round(last.left + (last.width - WIDTH) / 2) + jitter(120)),
      top: Math.max(0, Math.round(last.top + (last.height - HEIGHT) / 3) + jitter(80)),
    };
  } catch {
    return {};
  }
}

export function confirmationUrl(confirmation: CallConfirmation): string {
  return `${chrome.runtime.getURL(CONFIRM_PAGE)}#${encodeConfirmation(confirmation)}`;
}

// One request at a time (two at once, from a key held down or a double
// Enter, must not open two windows), and an open window is replaced at most
// every MIN_GAP_MS: a page (or a compromised renderer) that sends requests
// in a loop cannot flood the screen with windows that take the focus.
const MIN_GAP_MS = 1000;
let queue: Promise<void> = Promise.resolve();
let lastOpenedAt = -Infinity;

export function askToConfirm(confirmation: CallConfirmation): Promise<void> {
  const next = queue.then(() => show(confirmation));
  queue = next.catch(() => undefined);
  return next;
}

async function show(confirmation: CallConfirmation): Promise<void> {
  const url = confirmationUrl(confirmation);
  const open = await openConfirmations();
  const same = open.find((o) => decodeConfirmation(new URL(o.url).hash)?.dial === confirmation.dial);
  if (same) {
    await chrome.windows.update(same.windowId, { focused: true, drawAttention: true });
    return;
  }
  // Replacing an open window too soon is dropped (the open one still shows its number). Once a window
  // is open it has the focus, and the worker takes clicks only from the focused window's tab, so a
  // flood of requests stops there.
  if (open.length > 0 && Date.now() - lastOpenedAt < MIN_GAP_MS) return;
  lastOpenedAt = Date.now();
  await Promise.all(open.map((o) => chrome.windows.remove(o.windowId).catch(() => undefined)));
  await chrome.windows.create({ url, type: 'popup', focused: true, width: WIDTH, height: HEIGHT, ...(await placement()) });
}
