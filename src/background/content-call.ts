// The one door from web pages into ClickDial. A content script may only ask
// to call a number; before the phone sees it the worker checks that the
// message comes from our content script in an http(s) frame of a tab, that
// click-to-call is on for the tab's site, and normalises the number again
// (the page's own script cannot talk to us, but a compromised renderer could).
// Only the tab the user is looking at may ask (the active tab of the focused
// window). What the content script says of the click (intentChecked, the
// link's text) is trusted as far as a content script can be: on a site the
// user chose "call at once" for, a compromised renderer there could claim a
// seen click on an ordinary number; everywhere else, and for risky numbers,
// the confirmation window is shown whatever it claims.
import browser from 'webextension-polyfill';
import { decideForHost } from '../shared/click-to-call-settings';
import { loadClickToCallSettings } from '../shared/click-to-call-store';
import { MAX_LINK_TEXT, MAX_PHONE_TEXT } from '../shared/phone-text';
import { ClickDialError, type ReplyOf, type RequestOf } from '../shared/protocol';
import { words } from '../shared/words';
import { handleOutsideCall, type OutsideCallPhone } from './outside-call';

type Sender = browser.Runtime.MessageSender;

/** The web origin a content script runs in, or undefined when the sender is not one of ours in a web page. */
export function contentScriptOrigin(sender: Sender): URL | undefined {
  if (sender.id !== browser.runtime.id || !sender.tab || typeof sender.url !== 'string') return undefined;
  // about:blank and srcdoc frames have their parent's origin (content scripts run there too).
  const raw = /^about:(blank|srcdoc)\b/.test(sender.url) ? (sender as { origin?: string }).origin : sender.url;
  try {
    const url = new URL(raw ?? '');
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function isContentScriptSender(sender: Sender): boolean {
  return contentScriptOrigin(sender) !== undefined;
}

/**
 * The tab's top-level site and whether the sending frame is of another
 * origin. The site switch and the lists are about the site the user has open
 * (a page on a denied site cannot frame another site to get around them).
 */
export function siteOfSender(sender: Sender, frame: URL): { site: string; crossOrigin: boolean } {
  let top: URL | undefined;
  try {
    top = sender.tab?.url ? new URL(sender.tab.url) : undefined;
  } catch {
    top = undefined;
  }
  if (!top || (top.protocol !== 'http:' && top.protocol !== 'https:')) {
    // No readable top-level page: judge by the frame, and always ask.
    return { site: frame.hostname, crossOrigin: sender.frameId !== 0 };
  }
  return { site: top.hostname, crossOrigin: top.origin !== frame.origin };
}

/** A click comes from the tab in front of the user: the active tab of the focused window. */
async function inFocusedTab(sender: Sender): Promise<boolean> {
  if (sender.tab?.active !== true || sender.tab.windowId === undefined) return false;
  try {
    return (await browser.windows.get(sender.tab.windowId)).focused;
  } catch {
    return false;
  }
}

/**
 * Checks a number a content script sent and hands it on: dialled, confirmed
 * first, or refused with a notice (outside-call.ts). The reply never says
 * which, so a page learns nothing from it.
 */
export async function handleContentCall(
  payload: RequestOf<'content.call'>,
  sender: Sender,
  phone: OutsideCallPhone,
): Promise<ReplyOf<'content.call'>> {
  const origin = contentScriptOrigin(sender);
  if (!origin) throw new ClickDialError('"content.call" is accepted only from a web page.', 'forbidden');
  const { number, text, intentChecked } = payload as Partial<Record<keyof typeof payload, unknown>>;
  if (typeof number !== 'string' || number.length === 0 || number.length > MAX_PHONE_TEXT) {
    throw new ClickDialError(`Malformed message: "number" must be a string of 1 to ${MAX_PHONE_TEXT} characters.`, 'bad-message');
  }
  if (typeof text !== 'string' || text.length > MAX_LINK_TEXT || typeof intentChecked !== 'boolean') {
    throw new ClickDialError(
      `Malformed message: "text" (at most ${MAX_LINK_TEXT} characters) and "intentChecked" are required.`,
      'bad-message',
    );
  }
  if (!(await inFocusedTab(sender))) {
    throw new ClickDialError(words('error_click_to_call_other_tab'), 'forbidden');
  }
  const { site, crossOrigin } = siteOfSender(sender, origin);
  const settings = await loadClickToCallSettings();
  if (!decideForHost(settings, site).on) {
    throw new ClickDialError(words('error_click_to_call_off', { site }), 'forbidden');
  }
  await handleOutsideCall({ source: 'link', number, site, text, crossOrigin, frame: origin.hostname, intentChecked }, phone, settings);
  return null;
}
