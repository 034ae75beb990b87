// The call confirmation window (src/confirm/), as the tests see it: a page of
// the extension in a small window of its own, opened by the service worker.
import type { BrowserContext, Page } from 'playwright-core';
import { waitFor } from './wait.js';

export const CONFIRM = 'src/confirm/confirm.html';

function isConfirmation(page: Page, extensionId: string): boolean {
  return page.url().startsWith(`chrome-extension://${extensionId}/${CONFIRM}`);
}

/** The open confirmation windows. */
export function confirmations(context: BrowserContext, extensionId: string): Page[] {
  return context.pages().filter((p) => isConfirmation(p, extensionId) && !p.isClosed());
}

/**
 * Waits for a confirmation window and for it to show its number. A wait, not a
 * time limit: a shortcut on a loaded machine can take seconds to open it (the
 * worker may have to start first).
 */
export async function waitForConfirmation(context: BrowserContext, extensionId: string, timeoutMs = 10_000): Promise<Page> {
  const page = await waitFor(() => confirmations(context, extensionId)[0], { what: 'the confirmation window', timeoutMs });
  await page.getByTestId('confirm-number').waitFor();
  return page;
}

/** What the window says: the number as shown, E.164, the site, the link's text and the warnings. */
export async function confirmationText(
  page: Page,
): Promise<{ number: string; e164: string; site: string; linkText: string; warnings: string }> {
  const text = async (id: string) => ((await page.getByTestId(id).count()) > 0 ? page.getByTestId(id).innerText() : '');
  return {
    number: await text('confirm-number'),
    e164: await text('confirm-e164'),
    site: await text('confirm-site'),
    linkText: await text('confirm-link-text'),
    warnings: await text('confirm-warnings'),
  };
}

/** Closes every confirmation window as Cancel would. */
export async function cancelConfirmations(context: BrowserContext, extensionId: string): Promise<void> {
  for (const page of confirmations(context, extensionId)) await page.close().catch(() => undefined);
}
