// "Call <selection>" in the page context menu. The menu item is created once
// per install or update; the click listener is registered at the top level of
// the worker on every start, where Chrome finds it after a restart.
import browser from 'webextension-polyfill';
import { loadClickToCallSettings } from '../shared/click-to-call-store';
import { normalisePhoneNumber } from '../shared/phone-number';
import { showClickToCallProblem } from './click-to-call-notice';
import { toPhone } from './router';

export const CALL_SELECTION_MENU = 'clickdial-call-selection';
// Labels people select along with the number: "Tel.: ", "Phone: ", "☎ ".
const LABEL = /^[^\d+(]{0,20}?[:：☎📞]\s*/u;

/** Normalises a selection as click-to-call does and calls it; a bad selection is told to the user. */
export async function callSelection(selection: string | undefined): Promise<void> {
  const text = (selection ?? '').trim().replace(LABEL, '');
  const { defaultCountry } = await loadClickToCallSettings();
  const normalised = normalisePhoneNumber(text, defaultCountry);
  if (!normalised.ok) {
    await showClickToCallProblem(normalised.error);
    return;
  }
  try {
    await toPhone('phone.call', { target: normalised.e164 });
  } catch (error) {
    await showClickToCallProblem(`Calling ${normalised.label} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function registerContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    // Our item only (other items are not ours to clear); re-created on every update.
    chrome.contextMenus.remove(CALL_SELECTION_MENU, () => {
      void chrome.runtime.lastError; // "not found" on a first install
      chrome.contextMenus.create({ id: CALL_SELECTION_MENU, title: 'Call "%s"', contexts: ['selection'] }, () => void chrome.runtime.lastError);
    });
  });
  chrome.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === CALL_SELECTION_MENU) void callSelection(info.selectionText);
  });
}
