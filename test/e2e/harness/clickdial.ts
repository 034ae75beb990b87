// Drives ClickDial the way a user does: through its options page and popup
// (opened as tabs), and reads our side's media through the debugger.
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { openExtensionPage } from './browser.js';
import { waitFor } from './wait.js';

export interface AccountInput {
  server: string;
  aor: string;
  password: string;
  authorizationUser?: string;
  displayName?: string;
}

export const POPUP = 'src/popup/popup.html';
export const OPTIONS = 'src/options/options.html';
export const MICROPHONE = 'src/options/microphone.html';

/** The call history as stored (newest first), read through the service worker. */
type StoredWords = { key: string; params?: Record<string, string | number | StoredWords> };

/** Words (shared/words.ts) said through the worker's chrome.i18n as say() does: placeholders in the order of their names, filled-in words first. */
async function sayInWorker(worker: Worker, words: StoredWords): Promise<string> {
  const params = words.params ?? {};
  const substitutions: string[] = [];
  for (const name of Object.keys(params).sort()) {
    const value = params[name]!;
    substitutions.push(typeof value === 'object' ? await sayInWorker(worker, value) : String(value));
  }
  return worker.evaluate(([key, subs]) => chrome.i18n.getMessage(key, subs), [words.key, substitutions] as const);
}

/** The stored call history, each entry's reason said as the popup says it (an older entry's reasonText as it is). */
export async function storedHistory(worker: Worker): Promise<{ outcome: string; reason?: string; remote: { user: string } }[]> {
  type Entry = { outcome: string; reason?: StoredWords; reasonText?: string; remote: { user: string } };
  const entries = await worker.evaluate(() =>
    chrome.storage.local.get('callHistory').then((v) => (v.callHistory as { entries?: Entry[] } | undefined)?.entries ?? []),
  );
  return Promise.all(
    entries.map(async ({ reason, reasonText, ...entry }) => {
      const said = reason ? await sayInWorker(worker, reason) : reasonText;
      return said === undefined ? entry : { ...entry, reason: said };
    }),
  );
}

export async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  return openExtensionPage(context, extensionId, OPTIONS);
}

export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await openExtensionPage(context, extensionId, POPUP);
  await page.getByTestId('registration-state').first().waitFor();
  return page;
}

/** Fills the options form field by field and submits it (`save`: the button's name in the browser's language). */
export async function fillAccountForm(options: Page, account: AccountInput, save = 'Save and connect'): Promise<void> {
  const form = options.locator('form.account');
  await form.locator('input[name=server]').fill(account.server);
  await form.locator('input[name=aor]').fill(account.aor);
  await form.locator('input[name=authorizationUser]').fill(account.authorizationUser ?? '');
  await form.locator('input[name=password]').fill(account.password);
  await form.locator('input[name=displayName]').fill(account.displayName ?? '');
  await form.getByRole('button', { name: save }).click();
}

export async function registrationText(page: Page): Promise<string> {
  return (await page.getByTestId('registration-state').first().textContent()) ?? '';
}

export async function waitForRegistration(page: Page, text: string, timeoutMs = 10_000): Promise<void> {
  await waitFor(async () => (await registrationText(page)) === text, {
    timeoutMs,
    what: `"${text}" on ${page.url()} (now "${await registrationText(page).catch(() => '?')}")`,
  });
}

/** The call cards the popup shows, as the user reads them. */
export async function popupCalls(popup: Page): Promise<{ name: string; state: string; duration: string }[]> {
  return popup.locator('article.call').evaluateAll((cards) =>
    cards.map((card) => ({
      name: card.querySelector('.call-name')?.textContent ?? '',
      state: card.querySelector('.call-state')?.textContent ?? '',
      duration: card.querySelector('.call-duration')?.textContent ?? '',
    })),
  );
}

export async function waitForPopupCallState(popup: Page, state: string, timeoutMs = 10_000): Promise<void> {
  await waitFor(async () => (await popupCalls(popup)).some((c) => c.state === state), {
    timeoutMs,
    what: `a call "${state}" in the popup (calls: ${JSON.stringify(await popupCalls(popup).catch(() => []))})`,
  });
}

export async function waitForNoPopupCall(popup: Page, timeoutMs = 10_000): Promise<void> {
  await waitFor(async () => (await popupCalls(popup)).length === 0, { timeoutMs, what: 'no call in the popup' });
}

/** Saves click-to-call settings as the options page would: the defaults of a US browser, changed as given. */
export async function setClickToCall(worker: Worker, change: Record<string, unknown> = {}): Promise<void> {
  const settings = {
    enabled: true,
    defaultCountry: 'US',
    takeOverLinks: true,
    allowList: [],
    denyList: [],
    callAtOnce: [],
    extensionDigits: null,
    ...change,
  };
  await worker.evaluate((value) => chrome.storage.local.set({ clickToCall: value }), settings);
}
