// Click-to-call needs to run in every web page, which Chrome calls "read and
// change all your data on all websites". That is an optional permission: the
// install asks for less, and the user turns it on in the setup or the
// options, where what it is for is explained. Without it the toolbar phone,
// the context menu and the selection shortcut still work (activeTab).
import browser from 'webextension-polyfill';

/** Every web page: what the page script is registered for once granted. */
export const CLICK_TO_CALL_ORIGINS = ['http://*/*', 'https://*/*'] as const;

/** The click-to-call origins the user granted (none, some or all of CLICK_TO_CALL_ORIGINS). */
export async function grantedClickToCallOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return CLICK_TO_CALL_ORIGINS.filter((origin) => origins.includes(origin));
}

export async function hasHostAccess(): Promise<boolean> {
  return (await grantedClickToCallOrigins()).length === CLICK_TO_CALL_ORIGINS.length;
}

/** Chrome's question: call it straight from a click handler (a user gesture), never after an await. */
export function requestHostAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: [...CLICK_TO_CALL_ORIGINS] });
}

/** Calls `listener` whenever the user grants or takes back a permission (here, in chrome://extensions, anywhere). */
export function onPermissionsChanged(listener: () => void): () => void {
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
  return () => {
    browser.permissions.onAdded.removeListener(listener);
    browser.permissions.onRemoved.removeListener(listener);
  };
}
