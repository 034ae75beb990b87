// Opens the confirmation window: a small window of ClickDial's own, which no
// web page can draw over, script or read, showing the number a page (or a
// selection) wants to call. One at a time: the same number again only brings
// it to the front (a double click, or clicking again while it is open);
// another number replaces it, in a new window, so what the user reads is
// never swapped under them (the window arms its Call button afresh).
//
//   none ──ask(n)──▶ open(n) ──ask(n)──▶ open(n), focused
//                     │  ──ask(m)──▶ closed, open(m)
//                     └─ Call / Cancel / Escape / closed ──▶ none
import { CONFIRM_PAGE, decodeConfirmation, encodeConfirmation, type CallConfirmation } from '../shared/call-confirmation';

const WIDTH = 420;
const HEIGHT = 400;

interface OpenConfirmation {
  windowId: number;
  url: string;
}

async function openConfirmations(): Promise<OpenConfirmation[]> {
  const page = chrome.runtime.getURL(CONFIRM_PAGE);
  const contexts = await chrome.runtime.getContexts({ contextTypes: ['TAB' as chrome.runtime.ContextType] });
  return contexts
    .filter((c) => c.documentUrl?.startsWith(page) === true && c.windowId >= 0)
    .map((c) => ({ windowId: c.windowId, url: c.documentUrl ?? '' }));
}

/** Centred over the window the user was in, where they will look. */
async function placement(): Promise<{ left?: number; top?: number }> {
  try {
    const last = await chrome.windows.getLastFocused();
    if (last.left === undefined || last.top === undefined || last.width === undefined || last.height === undefined) return {};
    return {
      left: Math.max(0, Math.round(last.left + (last.width - WIDTH) / 2)),
      top: Math.max(0, Math.round(last.top + (last.height - HEIGHT) / 3)),
    };
  } catch {
    return {};
  }
}

export function confirmationUrl(confirmation: CallConfirmation): string {
  return `${chrome.runtime.getURL(CONFIRM_PAGE)}#${encodeConfirmation(confirmation)}`;
}

export async function askToConfirm(confirmation: CallConfirmation): Promise<void> {
  const url = confirmationUrl(confirmation);
  const open = await openConfirmations();
  const same = open.find((o) => decodeConfirmation(new URL(o.url).hash)?.dial === confirmation.dial);
  if (same) {
    await chrome.windows.update(same.windowId, { focused: true, drawAttention: true });
    return;
  }
  await Promise.all(open.map((o) => chrome.windows.remove(o.windowId).catch(() => undefined)));
  await chrome.windows.create({ url, type: 'popup', focused: true, width: WIDTH, height: HEIGHT, ...(await placement()) });
}
