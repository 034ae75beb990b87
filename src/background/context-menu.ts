// "Call <selection>" in the page context menu. The menu item is created once
// per install or update; the click listener is registered at the top level of
// the worker on every start, where Chrome finds it after a restart.
import browser from 'webextension-polyfill';
import type { CallSource } from '../shared/call-confirmation';
import { loadClickToCallSettings } from '../shared/click-to-call-store';
import { handleOutsideCall } from './outside-call';
import { outsideCallPhone } from './router';
import { t } from '../shared/i18n';

export const CALL_SELECTION_MENU = 'clickdial-call-selection';
// Labels people select along with the number: "Tel.: ", "Phone: ", "☎ ".
const LABEL = /^[^\d+(]{0,20}?[:：☎📞]\s*/u;

/** The host of the page a selection was made on ("" when it is not a web page). */
export function siteOf(url: string | undefined): string {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : '';
  } catch {
    return '';
  }
}

/**
 * Normalises a selection as click-to-call does and shows it in the
 * confirmation window before any call: the page could have swapped the
 * selection as the user reached for the menu or the keys. A bad selection is
 * told to the user.
 */
export async function callSelection(selection: string | undefined, site: string, source: CallSource = 'menu'): Promise<void> {
  const text = (selection ?? '').trim().replace(LABEL, '');
  await handleOutsideCall({ source, number: text, site }, outsideCallPhone, await loadClickToCallSettings());
}

export function registerContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    // Our item only (other items are not ours to clear); re-created on every update.
    chrome.contextMenus.remove(CALL_SELECTION_MENU, () => {
      void chrome.runtime.lastError; // "not found" on a first install
      chrome.contextMenus.create(
        { id: CALL_SELECTION_MENU, title: t('menu_call_selection'), contexts: ['selection'] },
        () => void chrome.runtime.lastError,
      );
    });
  });
  chrome.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CALL_SELECTION_MENU) void callSelection(info.selectionText, siteOf(tab?.url ?? info.pageUrl));
  });
}
