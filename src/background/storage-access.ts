// Keeps the SIP password out of reach of content scripts. storage.local is
// closed to them (they run inside web pages, the least trusted place we
// have); the only thing they need, the click-to-call settings, is mirrored
// into storage.session, which is opened to them.
//
//   storage.local (trusted only) --onChanged(clickToCall)--> storage.session (content scripts may read)
import browser from 'webextension-polyfill';
import { LINK_TITLE_KEY, SETTINGS_KEY, browserLanguages, type ClickToCallSettings } from '../shared/click-to-call-settings';
import { t } from '../shared/i18n';
import { readClickToCallSettings } from '../shared/stored-click-to-call';

type AccessArea = { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };

async function setAccess(area: unknown, accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS'): Promise<void> {
  // Chrome before 13x cannot restrict storage.local; it then stays as it was.
  await (area as AccessArea).setAccessLevel?.({ accessLevel }).catch(() => undefined);
}

/**
 * Copies the click-to-call settings where content scripts can read them, and
 * returns them. storage.local holds them versioned (any release's data, read
 * through the migrations); the mirror has the plain settings without a version,
 * the shape content scripts read (shared/page-settings.ts).
 */
export async function mirrorClickToCallSettings(): Promise<ClickToCallSettings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const settings = readClickToCallSettings(stored[SETTINGS_KEY], browserLanguages());
  await browser.storage.session.set({ [SETTINGS_KEY]: settings, [LINK_TITLE_KEY]: t('link_title_call') });
  return settings;
}

/**
 * Registered at every worker start (listeners must be; the access levels are
 * cheap to assert again). The mirror itself is copied on install and browser
 * start (storage.session lasts the browser session) and on every change.
 */
export function protectStorage(): void {
  void setAccess(browser.storage.local, 'TRUSTED_CONTEXTS');
  void setAccess(browser.storage.session, 'TRUSTED_AND_UNTRUSTED_CONTEXTS');
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) void mirrorClickToCallSettings();
  });
}
