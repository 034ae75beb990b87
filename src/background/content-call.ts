// The one door from web pages into ClickDial. A content script may only ask
// to call a number; before the phone sees it the worker checks that the
// message comes from our content script in an http(s) frame of a tab, that
// click-to-call is on for that site, and normalises the number again here
// (the page's own script cannot talk to us, but a compromised renderer could).
import browser from 'webextension-polyfill';
import { decideForHost } from '../shared/click-to-call-settings';
import { loadClickToCallSettings } from '../shared/click-to-call-store';
import { normalisePhoneNumber } from '../shared/phone-number';
import { MAX_PHONE_TEXT } from '../shared/phone-text';
import { ClickDialError, type ReplyOf, type RequestOf } from '../shared/protocol';
import { showClickToCallProblem } from './click-to-call-notice';

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

/** Checks and dials a number a content script sent; failures are told to the user, then rethrown. */
export async function handleContentCall(
  payload: RequestOf<'content.call'>,
  sender: Sender,
  dial: (target: string) => Promise<ReplyOf<'content.call'>>,
): Promise<ReplyOf<'content.call'>> {
  const origin = contentScriptOrigin(sender);
  if (!origin) throw new ClickDialError('"content.call" is accepted only from a web page.', 'forbidden');
  const number: unknown = payload.number;
  if (typeof number !== 'string' || number.length === 0 || number.length > MAX_PHONE_TEXT) {
    throw new ClickDialError(`Malformed message: "number" must be a string of 1 to ${MAX_PHONE_TEXT} characters.`, 'bad-message');
  }
  const settings = await loadClickToCallSettings();
  if (!decideForHost(settings, origin.hostname).on) {
    throw new ClickDialError(`Click-to-call is off for ${origin.hostname}.`, 'forbidden');
  }
  const normalised = normalisePhoneNumber(number, settings.defaultCountry);
  if (!normalised.ok) {
    await showClickToCallProblem(normalised.error);
    throw new ClickDialError(normalised.error, 'invalid');
  }
  try {
    // Extensions are shown in the tooltip but not dialled (no post-dial tones yet).
    return await dial(normalised.e164);
  } catch (error) {
    await showClickToCallProblem(`Calling ${normalised.label} failed: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}
