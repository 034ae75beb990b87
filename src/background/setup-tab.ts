// The first-run setup (src/setup/): opened in a tab when ClickDial is
// installed (not on updates), and on request (the popup while no account is
// set up, the options). One setup tab: asked again, the open one comes forward.
import browser from 'webextension-polyfill';

export const SETUP_PAGE = 'src/setup/setup.html';

export async function openSetup(): Promise<void> {
  const url = browser.runtime.getURL(SETUP_PAGE);
  const [open] = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.TAB], documentUrls: [url] });
  if (open && open.tabId >= 0) {
    await browser.tabs.update(open.tabId, { active: true });
    if (open.windowId >= 0) await browser.windows.update(open.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}

/** Registered at the top level of the worker, where Chrome finds it on install. */
export function openSetupOnInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') openSetup().catch((e: unknown) => console.error('ClickDial: could not open the setup', e));
  });
}
