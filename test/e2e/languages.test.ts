// Chromium in German: the manifest, the popup, the options page, the first-run setup, the
// toolbar and a notification speak German from public/_locales/de, through the real chrome.i18n;
// and so do the words the phone's document produces (it has no chrome.i18n: it sends words as
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
import { FIRST_RUN_PAGE, openExtensionPage } from './harness/browser.js';
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

/**
 * The pages' English words (text, and the names and hints in aria-label, placeholder, title and
 * alt), none of which may be left on a German page: each is a whole word or phrase of the English
 * catalogue that German says differently.
 */
const ENGLISH = {
  options: [
    'Accounts',
    'Add a SIP account',
    'SIP account',
    'Stored only on this computer',
    'WebSocket server',
    'SIP address',
    'Authorization user',
    'Password',
    'Display name',
    'one per line',
    'Save and connect',
    'Disconnect',
    'Edit',
    'Remove',
    'as',
    'Calls at once',
    'Key tones',
    'Audio devices',
    'System default',
    'Microphone',
    'Speaker',
    'Test microphone',
    'Play test sound',
    'Microphone level',
    'Turn phone numbers on web pages',
    'Country for numbers',
    'Only on these sites',
    'Never on these sites',
    'Call at once on these sites',
    'Internal extensions',
    'digits',
    'Save click-to-call settings',
    'Click-to-call is',
    'Keyboard shortcuts',
    'Change shortcuts',
    'New to ClickDial',
    'The setup',
    'Checking',
  ],
  setup: [
    'Set up ClickDial',
    'Five short steps',
    'Setup steps',
    'Your SIP account',
    'Step',
    'of',
    'done',
    'Skip this step',
    'Next',
    'Back',
    'Finish',
    'Enter the SIP account',
    'Loading',
    'The microphone',
    'Allow microphone',
    'Microphone allowed',
    'Click-to-call on web pages',
    'Turn on click-to-call',
    'A test call',
    'Number to call',
    'Call a number to hear',
    'Pin ClickDial to the toolbar',
    'puzzle',
  ],
};

/** The English words from `words` still on the page, as whole words. */
async function englishLeft(page: Page, words: readonly string[]): Promise<string[]> {
  const shown = await page.evaluate(() =>
    [
      document.body.innerText,
      ...[...document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')].flatMap((el) =>
        ['aria-label', 'placeholder', 'title', 'alt'].map((name) => el.getAttribute(name) ?? ''),
      ),
    ].join('\n'),
  );
  return words.filter((word) => new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'u').test(shown));
}

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
    await options.getByRole('heading', { name: 'Konten' }).waitFor();
    await waitForRegistration(options, 'Nicht eingerichtet');
    for (const heading of ['SIP-Konto hinzufügen', 'Anrufe', 'Audiogeräte', 'Click-to-Call', 'Tastenkürzel']) {
      await options.getByRole('heading', { name: heading, exact: true }).waitFor();
    }
    await options.getByRole('textbox', { name: 'Authentifizierungsname' }).waitFor();
    await options.getByRole('spinbutton', { name: 'Gleichzeitige Anrufe' }).waitFor();
    await options.getByRole('combobox', { name: 'Land für Nummern ohne Ländervorwahl' }).waitFor();
    await options.getByRole('spinbutton', { name: 'Mindestzahl der Stellen einer Durchwahl' }).waitFor();
    await options.getByRole('button', { name: 'Click-to-Call-Einstellungen speichern' }).waitFor();
    await options.getByRole('link', { name: 'Die Einrichtung' }).waitFor();
    // A typed mistake is said in German, with what was typed.
    await fillAccountForm(options, { server: lab.kamailio.wsUrl, aor: '1001', password: USERS['1001'] }, 'Speichern und verbinden');
    await options.getByText('„1001“ ist keine SIP-Adresse. Sie sollte so aussehen: sip:1001@pbx.example.com.').waitFor();
    await options.getByText('Bitte korrigieren Sie die markierten Felder.').waitFor();
    await fillAccountForm(options, { server: lab.kamailio.wsUrl, aor: ME, password: USERS['1001'] }, 'Speichern und verbinden');
    await waitForRegistration(options, 'Angemeldet');
    await options.getByText('Gespeichert. Verbindung mit diesem Konto wird hergestellt…').waitFor();
    assert.match(await options.locator('.account-row p').first().innerText(), /^Status: Angemeldet als 1001@clickdial\.test/);
    await options.getByRole('button', { name: '1001@clickdial.test bearbeiten' }).waitFor();
    // A refused entry is said in German as well.
    await options.locator('input[name=extensionMin]').fill('1');
    await options.getByRole('button', { name: 'Click-to-Call-Einstellungen speichern' }).click();
    await options.getByText('Nicht gespeichert: Korrigieren Sie zuerst die markierten Felder.').waitFor();
    await options.getByText('Durchwahlen haben 2 bis 8 Stellen', { exact: false }).waitFor();
    assert.deepEqual(await englishLeft(options, ENGLISH.options), []);
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
    await popup.getByRole('combobox', { name: 'Nummer oder SIP-Adresse' }).waitFor();
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

  test('the first-run setup is German, step by step', async () => {
    const setup = await openExtensionPage(lab.browser.context, lab.browser.extensionId, FIRST_RUN_PAGE);
    const [, dir, title] = await pageLanguage(setup);
    assert.deepEqual([dir, title], ['ltr', 'ClickDial einrichten']);
    await setup.getByRole('heading', { level: 1, name: 'ClickDial einrichten' }).waitFor();
    await setup.getByRole('navigation', { name: 'Einrichtungsschritte' }).waitFor();
    // The account registered in the first test: its step is done.
    await setup.getByRole('button', { name: '1. Ihr SIP-Konto (erledigt)' }).waitFor();
    await setup.getByTestId('setup-registration').filter({ hasText: 'Angemeldet' }).waitFor();
    const headings = [
      'Ihr SIP-Konto',
      'Das Mikrofon',
      'Click-to-Call auf Webseiten',
      'Ein Testanruf',
      'ClickDial an die Symbolleiste anheften',
    ];
    for (const [i, name] of headings.entries()) {
      await setup.getByRole('heading', { level: 2, name: `Schritt ${i + 1} von 5: ${name}` }).waitFor();
      if (name === 'Ein Testanruf') await setup.getByRole('textbox', { name: 'Anzurufende Nummer' }).waitFor();
      if (name === 'Click-to-Call auf Webseiten') {
        assert.match(await setup.locator('section.step').innerText(), /„Alle Ihre Daten auf allen Websites lesen und ändern“/);
      }
      assert.deepEqual(await englishLeft(setup, [...ENGLISH.setup, ...ENGLISH.options]), [], `step ${i + 1}`);
      if (i < headings.length - 1) await setup.getByRole('button', { name: /^(Weiter|Schritt überspringen)$/ }).click();
    }
    await setup.getByRole('img', { name: /^Die Symbolleiste von Chrome/ }).waitFor();
    await setup.getByRole('button', { name: 'Zurück' }).waitFor();
    await setup.getByRole('button', { name: 'Fertigstellen' }).click();
    await setup.getByText('ClickDial ist eingerichtet.', { exact: false }).waitFor();
    await setup.getByRole('button', { name: 'Diesen Tab schließen' }).waitFor();
    assert.deepEqual(await englishLeft(setup, [...ENGLISH.setup, ...ENGLISH.options]), []);
    await setup.close();
  });

  test("the phone's words are German: a busy far end, in the popup and in the history", async () => {
    await popup.getByRole('tab', { name: 'Telefon' }).click();
    await lab.farEnd.clearEvents();
    const refused = lab.farEnd.waitForEvent('invite').then(() => lab.farEnd.decline(486));
    const input = popup.getByRole('combobox', { name: 'Nummer oder SIP-Adresse' });
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
