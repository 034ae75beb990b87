// Issue 11, point 4: click-to-call on all sites is an optional permission, so
// the install asks for less. Without it ClickDial runs in no web page (no page
// script is registered, numbers stay text) while the selection shortcut
// (activeTab) still calls; the options and the setup offer "Turn on
// click-to-call on all sites", which asks Chrome (the real question, answered
// with the keyboard: headful under Xvfb); once allowed, pages get links;
// turned off again, the page script goes. Real Chromium, the built extension,
// real Kamailio, a far end as 1002.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { FIRST_RUN_PAGE } from './harness/browser.js';
import { OPTIONS } from './harness/clickdial.js';
import { confirmationText, waitForConfirmation } from './harness/confirmation.js';
import { acceptPermissionPrompt, pressKeys } from './harness/os-keyboard.js';
import { setUpAccount, startPhoneLab, type PhoneLab } from './harness/phone-lab.js';
import { waitFor } from './harness/wait.js';

let lab: PhoneLab;

const registeredScripts = (): Promise<{ id: string; matches?: string[] }[]> =>
  lab.browser.serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts());

const links = (page: Page): Promise<number> => page.locator('a[title*="Call with ClickDial"]').count();

/** A fresh page with numbers; how many of them ClickDial linked once it had the time to. */
async function linksOnNewPage(): Promise<{ page: Page; links: number }> {
  const page = await lab.browser.context.newPage();
  await page.goto(lab.server.fixtureUrl('click-to-call.html'));
  await page.waitForTimeout(1500);
  return { page, links: await links(page) };
}

async function openPage(path: string): Promise<Page> {
  const page = await lab.browser.context.newPage();
  await page.goto(`chrome-extension://${lab.browser.extensionId}/${path}`);
  return page;
}

before(async () => {
  // As installed from the store: the optional permission not granted.
  lab = await startPhoneLab({ headless: false, hostAccess: false });
  await setUpAccount(lab);
});

after(() => lab?.stop());

describe('click-to-call on all sites, an optional permission', () => {
  test('without it no page script is registered and numbers stay text; the options offer to turn it on', async () => {
    assert.deepEqual(await registeredScripts(), []);
    const { page, links: count } = await linksOnNewPage();
    assert.equal(count, 0);
    await page.close();
    const options = await openPage(OPTIONS);
    await options.getByTestId('host-access-state').filter({ hasText: 'Click-to-call is off' }).waitFor();
    await options.getByRole('button', { name: 'Turn on click-to-call on all sites' }).waitFor();
    await options.close();
  });

  test('the selection shortcut still calls without it (activeTab)', async () => {
    const page = await lab.browser.context.newPage();
    try {
      await page.goto(lab.server.fixtureUrl('click-to-call.html'));
      await page.evaluate(() => {
        const paragraph = document.getElementById('plain');
        const walker = document.createTreeWalker(paragraph ?? document.body, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf('+1 (415) 555-0102') ?? -1;
          if (at >= 0) {
            range.setStart(node, at);
            range.setEnd(node, at + '+1 (415) 555-0102'.length);
            break;
          }
        }
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      });
      await page.bringToFront();
      await pressKeys(lab.browser.display ?? '', 'alt+shift+l', 'ClickDial fixture: click-to-call');
      const confirm = await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
      assert.equal((await confirmationText(confirm)).e164, '+14155550102');
      await confirm.close();
    } finally {
      await page.close();
    }
  });

  test('"Turn on click-to-call on all sites" in the setup asks Chrome; allowed, new pages get links', async () => {
    const setup = await openPage(FIRST_RUN_PAGE);
    await setup.getByRole('button', { name: /3\. Click-to-call/ }).click();
    await setup.bringToFront();
    await setup.getByRole('button', { name: 'Turn on click-to-call on all sites' }).click();
    await acceptPermissionPrompt(lab.browser.display ?? '');
    await setup.getByTestId('host-access-state').filter({ hasText: 'Click-to-call is on for all sites' }).waitFor();
    await waitFor(async () => (await registeredScripts()).length === 1, { what: 'the page script to be registered' });
    assert.deepEqual((await registeredScripts())[0]?.matches?.sort(), ['http://*/*', 'https://*/*']);
    const { page } = await linksOnNewPage();
    await page.getByRole('link', { name: '+1 (415) 555-0102' }).waitFor();
    await page.close();
    await setup.close();
  });

  test('turned off in the options, the page script goes and new pages keep their text', async () => {
    const options = await openPage(OPTIONS);
    await options.getByRole('button', { name: 'Turn off click-to-call on all sites' }).click();
    await options.getByRole('button', { name: 'Turn on click-to-call on all sites' }).waitFor();
    await waitFor(async () => (await registeredScripts()).length === 0, { what: 'the page script to be unregistered' });
    const { page, links: count } = await linksOnNewPage();
    assert.equal(count, 0);
    await page.close();
    await options.close();
  });
});
