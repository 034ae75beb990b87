// The browser side of the popup's site switch: the active tab's site and the
// stored settings. Imported lazily by site-switch.tsx, so that rendering the
// popup's views (also in unit tests) never loads the extension APIs.
import browser from 'webextension-polyfill';
import type { ClickToCallSettings } from '../shared/click-to-call-settings';
import { loadClickToCallSettings, saveClickToCallSettings } from '../shared/click-to-call-store';
import { requestContentScript } from '../shared/messenger';

/** The host of the active tab when it is a web page (the "activeTab" grant lets the popup read its URL). */
export async function activeHost(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  try {
    const url = new URL(tab?.url ?? '');
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the page's scanner says (its links, whether a cap was reached), or
 * undefined when the page has no scanner running (click-to-call off there).
 */
export async function activePageStatus(): Promise<{ links: number; capped: boolean } | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return undefined;
  return requestContentScript(tab.id, 'content.status', {}).catch(() => undefined);
}

export { loadClickToCallSettings as loadSettings, saveClickToCallSettings as saveSettings };
export type { ClickToCallSettings };
