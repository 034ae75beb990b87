// Routes requests from pages and content scripts. Phone requests go to the
// offscreen document (created first if needed); the rest is handled here.
// Every request is checked: only this extension's own contexts may ask, and
// only page-safe phone requests are forwarded.
import browser from 'webextension-polyfill';
import { dispatch, sendEnvelope, type Handlers } from '../shared/messenger';
import {
  CONTENT_TYPES,
  ClickDialError,
  INTERNAL_PHONE_TYPES,
  isPhoneType,
  type BackgroundType,
  type PhoneType,
  type ReplyOf,
  type RequestEnvelope,
  type RequestOf,
} from '../shared/protocol';
import { optionalString, requireBoolean, requireString } from '../shared/payload';
import { isSipAccount } from '../shared/stored-accounts';
import { validateAccount } from '../shared/account';
import { loadAccounts, moveAccount, removeAccount, saveAccount, saveWantsOnline, setDefaultAccount } from './account-store';
import { ensureOffscreenDocument, offscreenDocumentUrl, phoneStarted } from './offscreen-document';
import { handleContentCall, isContentScriptSender } from './content-call';
import type { OutsideCallPhone } from './outside-call';
import { mirrorClickToCallSettings } from './storage-access';
import { findNumbersFor } from './find-numbers';
import { featureHandlers } from './feature-handlers';
import { contactHandlers } from './contact-handlers';
import { loadPhoneSettings } from './settings-store';
import { takeLostCalls } from './live-calls';
import { openSetup } from './setup-tab';
import { showCallWindow } from './call-window';
import { CONFIRM_PAGE } from '../shared/call-confirmation';

/** The options page (its address book places calls). */
const OPTIONS_PAGE = 'src/options/options.html';

/** What the phone runs with: the saved accounts with the user's intent for each, the phone settings. */
async function phoneConfig(): Promise<Omit<ReplyOf<'router.phoneConfig'>, 'lostCalls'>> {
  const [{ accounts, defaultId }, settings] = await Promise.all([loadAccounts(), loadPhoneSettings()]);
  return { accounts, defaultId, settings };
}

export async function ensurePhone(): Promise<void> {
  await ensureOffscreenDocument();
}

/**
 * Hands the phone what was just saved, once: a phone that had to be started
 * for this read it already when it started.
 */
async function reconfigurePhone(): Promise<void> {
  if (await ensureOffscreenDocument()) return;
  await sendEnvelope({ target: 'phone', type: 'phone.configure', payload: await phoneConfig() });
}

export async function toPhone<T extends PhoneType>(type: T, payload: RequestOf<T>): Promise<ReplyOf<T>> {
  await ensurePhone();
  return sendEnvelope({ target: 'phone', type, payload });
}

/** What calls from pages, selections and the menu need of the phone. */
export const outsideCallPhone: OutsideCallPhone = {
  snapshot: () => toPhone('phone.getSnapshot', {}),
  dial: (target) => {
    const dialled = toPhone('phone.call', { target });
    // Shown while the call is set up, not after: the window is the sign that the click did something.
    void showCallWindow('action');
    return dialled;
  },
};

const handlers: Handlers<BackgroundType> = {
  ...featureHandlers({
    toPhone,
    reconfigure: reconfigurePhone,
  }),
  ...contactHandlers(),
  'account.list': async () => {
    const { accounts, defaultId } = await loadAccounts();
    return { accounts, defaultId };
  },
  'account.save': async ({ id, account }) => {
    if (!isSipAccount(account)) throw new ClickDialError('Malformed message: "account" has the wrong shape.', 'bad-message');
    const errors = validateAccount(account);
    const first = Object.values(errors)[0];
    if (first) throw new ClickDialError(first, 'invalid');
    const saved = await saveAccount(account, optionalString(id, 'id', 64));
    await reconfigurePhone();
    return { id: saved };
  },
  'account.remove': async ({ id }) => {
    await removeAccount(requireString(id, 'id', 64));
    await reconfigurePhone();
    return null;
  },
  'account.move': async ({ id, offset }) => {
    if (typeof offset !== 'number' || !Number.isFinite(offset)) throw new ClickDialError('Malformed message: "offset".', 'bad-message');
    await moveAccount(requireString(id, 'id', 64), offset);
    await reconfigurePhone();
    return null;
  },
  'account.setDefault': async ({ id }) => {
    await setDefaultAccount(requireString(id, 'id', 64));
    await reconfigurePhone();
    return null;
  },
  'account.setOnline': async ({ id, online }) => {
    await saveWantsOnline(requireBoolean(online, 'online'), optionalString(id, 'id', 64));
    await reconfigurePhone();
    return null;
  },
  'router.phoneConfig': (_payload, sender) => {
    // The configuration holds the SIP password: only the phone itself gets it this way.
    if (sender.url !== offscreenDocumentUrl()) throw new ClickDialError('"router.phoneConfig" is for the phone only.', 'forbidden');
    phoneStarted();
    // A phone that starts after another died gets that one's calls, to end them at the far end.
    return Promise.all([phoneConfig(), takeLostCalls()]).then(([config, lostCalls]) => ({ ...config, lostCalls }));
  },
  'content.settings': () => mirrorClickToCallSettings(),
  'content.findNumbers': (payload, sender) => findNumbersFor(payload, sender),
  'content.call': (payload, sender) => handleContentCall(payload, sender, outsideCallPhone),
  'callWindow.open': async () => {
    await showCallWindow('popOut');
    return null;
  },
  'setup.open': async () => {
    await openSetup();
    return null;
  },
  'microphone.openOnboarding': async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('src/options/microphone.html') });
    return null;
  },
  'camera.openOnboarding': async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('src/options/microphone.html?device=camera') });
    return null;
  },
};

function isOwnContext(sender: browser.Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

export function route(envelope: RequestEnvelope, sender: browser.Runtime.MessageSender): Promise<unknown> {
  // Web pages get one narrow door: our content script may ask to call a number (checked in content-call.ts).
  if (isContentScriptSender(sender)) {
    if (!(CONTENT_TYPES as readonly string[]).includes(envelope.type)) {
      return Promise.reject(new ClickDialError(`"${envelope.type}" is not accepted from a web page.`, 'forbidden'));
    }
    return dispatch(handlers, envelope, sender);
  }
  if (!isOwnContext(sender)) {
    return Promise.reject(new ClickDialError("Requests are only accepted from ClickDial's own pages.", 'forbidden'));
  }
  if (isPhoneType(envelope.type)) {
    if (INTERNAL_PHONE_TYPES.includes(envelope.type)) {
      return Promise.reject(new ClickDialError(`"${envelope.type}" is internal to ClickDial.`, 'forbidden'));
    }
    const reply = toPhone(envelope.type, envelope.payload as RequestOf<PhoneType>);
    // A number confirmed in the confirmation window (from a page, a selection, the menu), or called
    // from the address book in the options: no popup shows the call.
    const shownNowhere = [CONFIRM_PAGE, OPTIONS_PAGE].some((page) => sender.url?.startsWith(browser.runtime.getURL(page)) === true);
    if (envelope.type === 'phone.call' && shownNowhere) {
      void showCallWindow('action');
    }
    return reply;
  }
  return dispatch(handlers, envelope, sender);
}
