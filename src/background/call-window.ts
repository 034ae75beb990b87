// The call window: a surface of ClickDial's own (src/call-window/) that shows
// the calls when no popup is open, so a call placed from a web page, a
// shortcut, the menu or a notification, and a call that comes in, are seen
// and can be handled at once. It only shows the phone: the calls live in the
// offscreen document, so closing the window changes nothing in them.
//
// Why a small window first, and the side panel only as a choice: the side
// panel (chrome.sidePanel, Chrome 116+) may be opened only in answer to a user
// action that Chrome sees in the worker; a call that comes in has none, and a
// page's click reaches the worker as a message, which carries none either. A
// small extension window (windows.create type 'popup') opens without one,
// within the 300 ms the user should wait for a sign that the call started, and
// can open without taking the focus (focused: false) from what the user types.
// So the window is the default and always works; with "the side panel" chosen,
// sidePanel.open() is tried and, when Chrome refuses it, the window opens.
//
//   none ──show──▶ setting never? ──yes──▶ none
//                    └─no──▶ one shown already (window or side panel)? ──yes──▶ brought forward
//                               │                                   (incoming: drawAttention only)
//                               └─no──▶ side panel chosen and Chrome lets it open? ──yes──▶ side panel
//                                          └─no──▶ window (incoming: not focused)
// At most one: requests are handled one after another, and a window just
// created counts as shown before its page is listed among the contexts.
import { CALL_WINDOW_PAGE } from '../shared/call-window';
import type { PhoneSnapshot } from '../shared/snapshot';
import { ringingCalls } from '../shared/call-selectors';
import { loadPhoneSettings } from './settings-store';
import { serialized } from './serialized';

/**
 * What made the window show: a call the user placed or answered outside ClickDial's pages (focused),
 * a call ringing (not focused), the popup's "Pop out" (always a window, whatever the setting).
 */
export type CallWindowReason = 'action' | 'incoming' | 'popOut';

const WIDTH = 380;
const HEIGHT = 560;

const queue = serialized();
// The window created last, until its page is listed among the contexts.
let created: number | undefined;

/** The call window or side panel showing now: its window, and whether it is the side panel. */
async function shownNow(): Promise<{ windowId: number; sidePanel: boolean } | undefined> {
  const page = chrome.runtime.getURL(CALL_WINDOW_PAGE);
  const contexts = await chrome.runtime.getContexts({ contextTypes: ['TAB', 'SIDE_PANEL'] });
  const found = contexts.find((c) => c.documentUrl?.startsWith(page) === true);
  if (found) return { windowId: found.windowId, sidePanel: found.contextType === 'SIDE_PANEL' };
  if (created === undefined) return undefined;
  const window = await chrome.windows.get(created).catch(() => undefined);
  if (!window) created = undefined;
  return window?.id !== undefined ? { windowId: window.id, sidePanel: false } : undefined;
}

/** Chrome's side panel in the window the user was in; false when Chrome does not let it open now. */
async function openSidePanel(): Promise<boolean> {
  if (typeof chrome.sidePanel?.open !== 'function') return false;
  try {
    const last = await chrome.windows.getLastFocused({ windowTypes: ['normal'] });
    if (last.id === undefined) return false;
    await chrome.sidePanel.open({ windowId: last.id });
    return true;
  } catch {
    return false; // "may only be called in response to a user gesture"
  }
}

/** At the right edge of the window the user was in, where it covers the least of a page. */
async function placement(): Promise<{ left?: number; top?: number }> {
  try {
    const last = await chrome.windows.getLastFocused({ windowTypes: ['normal'] });
    if (last.left === undefined || last.top === undefined || last.width === undefined) return {};
    return { left: Math.max(0, last.left + last.width - WIDTH - 16), top: Math.max(0, last.top + 72) };
  } catch {
    return {};
  }
}

async function show(reason: CallWindowReason): Promise<void> {
  // Asked at once, not one after the other: the window should be up within 300 ms of the user's click.
  const [settings, shown, where] = await Promise.all([reason === 'popOut' ? undefined : loadPhoneSettings(), shownNow(), placement()]);
  const mode = settings?.callWindow ?? 'window';
  if (mode === 'never') return;
  const incoming = reason === 'incoming';
  if (shown) {
    // A ringing call must not take the keyboard from what the user types: the window only asks to be looked at.
    if (!shown.sidePanel) await chrome.windows.update(shown.windowId, incoming ? { drawAttention: true } : { focused: true });
    return;
  }
  if (mode === 'sidePanel' && (await openSidePanel())) return;
  const options: chrome.windows.CreateData = {
    url: chrome.runtime.getURL(CALL_WINDOW_PAGE),
    type: 'popup',
    focused: !incoming,
    width: WIDTH,
    height: HEIGHT,
  };
  // Chrome refuses bounds that are not at least half on a screen (a browser window larger than
  // its screen, a headless one): then it is placed where Chrome puts new windows.
  const window = await chrome.windows.create({ ...options, ...where }).catch(() => chrome.windows.create(options));
  created = window?.id;
}

/** Shows the call window (or brings it forward) as the setting says; never throws. */
export function showCallWindow(reason: CallWindowReason): Promise<void> {
  return queue(() => show(reason)).catch((error: unknown) => console.error('ClickDial: the call window did not open', error));
}

// The calls this worker has shown the window for. A worker restarted during a
// ring has forgotten them and shows it again (it is brought forward, or opens
// once more if the user closed it): a second look at a ringing call is better than none.
const rung = new Set<string>();

/** On every snapshot: a call that starts ringing here shows the window (not focused). */
export function showCallWindowForRings(snapshot: PhoneSnapshot): void {
  const ringing = ringingCalls(snapshot.calls);
  const fresh = ringing.filter((c) => !rung.has(c.id));
  for (const id of [...rung]) if (!ringing.some((c) => c.id === id)) rung.delete(id);
  if (fresh.length === 0) return;
  for (const c of fresh) rung.add(c.id);
  void showCallWindow('incoming');
}
