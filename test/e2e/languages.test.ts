// Chromium in German: the manifest, the popup, the options page, the toolbar and a
// notification speak German from public/_locales/de, through the real chrome.i18n; and so
// do the words the phone's document produces (it has no chrome.i18n: it sends words as
// data, shared/words.ts, which the popup says), and the pages' <html lang>.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  fillAccountForm,
  openOptions,
  openPopup,
  waitForNoPopupCall,
  waitForPopupCallState,
  waitForRegistration,
} from './harness/clickdial.js';
import { startNotificationServer, type NotificationServer } from './harness/notification-server.js';
import { startPhoneLab, type PhoneLab } from './harness/phone-lab.js';
import { USERS, aorOf } from './harness/users.js';
import { waitFor } from './harness/wait.js';

let lab: PhoneLab;
let notifications: NotificationServer;
let popup: Page;
const ME = aorOf('1001');
const language = process.env.LANGUAGE;

before(async () => {
  notifications = await startNotificationServer();
  process.env.DBUS_SESSION_BUS_ADDRESS = notifications.address;
  // Chromium on Linux takes its UI language from LANGUAGE; --lang is what other systems read.
  process.env.LANGUAGE = 'de';
  // Headful: Chromium sends notifications to the desktop's server (ours) only then.
  lab = await startPhoneLab({ headless: false, extraArgs: ['--lang=de'] });
});

after(async () => {
  await lab?.stop();
  await notifications?.stop();
  if (language === undefined) delete process.env.LANGUAGE;
  else process.env.LANGUAGE = language;
});

const pageLanguage = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.title]);

describe('Chromium started in German', () => {
  test('the manifest, the options page and the toolbar are German', async () => {
    const { browser } = lab;
    const worker = await browser.serviceWorker.evaluate(async () => ({
      commands: (await chrome.commands.getAll()).map((c) => c.description),
      title: await chrome.action.getTitle({}),
    }));
    assert.ok(worker.commands.includes('Eingehenden Anruf annehmen'), worker.commands.join(' | '));
    await waitFor(async () => (await browser.serviceWorker.evaluate(() => chrome.action.getTitle({}))).includes('nicht eingerichtet'), {
      what: 'the toolbar to say "nicht eingerichtet"',
    });
    const options = await openOptions(browser.context, browser.extensionId);
    // German, though under LANGUAGE=de getUILanguage() and @@ui_locale say en-US: the lang comes from the catalogue picked.
    const [lang, dir, title] = await pageLanguage(options);
    assert.deepEqual([lang, dir, title], ['de', 'ltr', 'ClickDial-Optionen']);
    await fillAccountForm(options, { server: lab.kamailio.wsUrl, aor: ME, password: USERS['1001'] });
    await waitForRegistration(options, 'Angemeldet');
    await options.close();
    await waitFor(
      async () =>
        (await browser.serviceWorker.evaluate(() => chrome.action.getTitle({}))) === `ClickDial: angemeldet als 1001@clickdial.test`,
      {
        what: 'the toolbar to say "angemeldet als"',
      },
    );
  });

  test('the popup is German, and says so in <html lang>', async () => {
    popup = await openPopup(lab.browser.context, lab.browser.extensionId);
    await waitForRegistration(popup, 'Angemeldet');
    const [lang, dir] = await pageLanguage(popup);
    assert.ok(lang?.startsWith('de'), `<html lang="${lang}">`);
    assert.equal(dir, 'ltr');
    await popup.getByRole('textbox', { name: 'Nummer oder SIP-Adresse' }).waitFor();
    await popup.getByRole('group', { name: 'Wähltastatur' }).waitFor();
    await popup.getByRole('tab', { name: 'Verlauf' }).waitFor();
    await popup.getByRole('button', { name: 'Anrufen', exact: true }).waitFor();
  });

  test('an incoming call is notified in German, and shown so in the popup', async () => {
    await lab.farEnd.clearEvents();
    await lab.farEnd.call(ME);
    const shown = await notifications.waitFor((n) => n.summary === 'Eingehender Anruf', 'the German incoming call notification');
    assert.deepEqual([shown.actions['0'], shown.actions['1']], ['Annehmen', 'Ablehnen']);
    await waitForPopupCallState(popup, 'Eingehender Anruf');
    await popup.getByRole('button', { name: 'Ablehnen' }).click();
    await waitForNoPopupCall(popup);
    await popup.getByRole('tab', { name: 'Verlauf' }).click();
    await popup.getByText('Abgelehnt', { exact: true }).waitFor();
  });

  test("the phone's words are German: a busy far end, in the popup and in the history", async () => {
    await popup.getByRole('tab', { name: 'Telefon' }).click();
    await lab.farEnd.clearEvents();
    const refused = lab.farEnd.waitForEvent('invite').then(() => lab.farEnd.decline(486));
    const input = popup.getByRole('textbox', { name: 'Nummer oder SIP-Adresse' });
    await input.fill('1002');
    await popup.getByRole('button', { name: 'Anrufen', exact: true }).click();
    await refused;
    // describeCallFailure(486) in the phone's document, said by the popup from the German catalogue.
    await popup.getByText('Besetzt (486 Busy Here).', { exact: true }).waitFor();
    await popup.getByRole('tab', { name: 'Verlauf' }).click();
    await waitFor(async () => (await popup.locator('.history-reason').first().innerText()) === 'Besetzt (486 Busy Here).', {
      what: 'the history to give the reason in German',
    });
  });
});
