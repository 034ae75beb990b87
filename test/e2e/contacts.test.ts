// Issue 10 point 4, "Names and numbers": a vCard and a CSV file are imported
// in the options page; a contact who calls is named in the popup and then in
// the history; typing part of a name in the dial field suggests the contact,
// and choosing it calls the number; the dial field formats a number as it is
// typed while the digits are what is dialled. Contacts are added, deleted and
// brought back with the keyboard.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  openOptions,
  openPopup,
  popupCalls,
  setClickToCall,
  waitForNoPopupCall,
  waitForPopupCallState,
  waitForRegistration,
} from './harness/clickdial.js';
import { setUpAccount, startPhoneLab, type PhoneLab } from './harness/phone-lab.js';
import type { FarEnd } from './harness/far-end.js';
import { aorOf } from './harness/users.js';
import { waitFor } from './harness/wait.js';
import { axeViolations, formatViolation, type AxeViolation } from './harness/axe.js';
import { confirmationText, waitForConfirmation } from './harness/confirmation.js';

let lab: PhoneLab;
let bea: FarEnd;
let carl: FarEnd;
let options: Page;
let popup: Page;

const ME = aorOf('1001');

// As phones and mail programs export them: vCard 3.0 and 4.0, a folded FN line, a card
// without a number, and a name that looks like markup (it must stay text).
const VCARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Bauer;Bea;;;',
  'FN:Bea',
  '  Bauer',
  'TEL;TYPE=CELL,VOICE:1002',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:4.0',
  'FN:<img src=x onerror="document.title=1">',
  'TEL;VALUE=uri;TYPE=work:tel:+1-415-555-0100',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Only An Email',
  'EMAIL:only@example.com',
  'END:VCARD',
  '',
].join('\r\n');

// A Google Contacts export: quoted fields with a comma and a line break, one line without a number.
const CSV = [
  'Name,Given Name,Family Name,Notes,Phone 1 - Type,Phone 1 - Value',
  '"Castro, Carl",Carl,Castro,"met at the fair,\nsecond row",Mobile,1003',
  'Nobody Reachable,Nobody,Reachable,,,',
  '',
].join('\n');

before(async () => {
  lab = await startPhoneLab({ farEnds: ['1002', '1003'] });
  bea = lab.far['1002']!;
  carl = lab.far['1003']!;
  await setUpAccount(lab);
  // Numbers are read and formatted for the United States.
  await setClickToCall(lab.browser.serviceWorker, { defaultCountry: 'US' });
  options = await openOptions(lab.browser.context, lab.browser.extensionId);
});

after(() => lab?.stop());

const status = () => options.getByTestId('contacts-status');
const listedNames = () => options.locator('#contact-list .contact-name').allTextContents();

describe('the address book', () => {
  test('a: a vCard file and a CSV file are imported in the options page; the contacts are listed, names as text', async () => {
    const file = options.getByLabel('Import contacts from a vCard or CSV file');
    await file.setInputFiles({ name: 'contacts.vcf', mimeType: 'text/vcard', buffer: Buffer.from(VCARD) });
    await waitFor(async () => (await status().textContent()) === 'Imported 2 contacts. Skipped 1 card without a number.', {
      what: `the vCard import to be reported (status: "${await status().textContent()}")`,
    });
    await file.setInputFiles({ name: 'google.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await waitFor(async () => (await status().textContent()) === 'Imported 1 contact. Skipped 1 line without a number.', {
      what: `the CSV import to be reported (status: "${await status().textContent()}")`,
    });
    assert.deepEqual(await listedNames(), ['<img src=x onerror="document.title=1">', 'Bea Bauer', 'Castro, Carl']);
    // The markup-like name is text: no element came of it, and nothing ran.
    assert.equal(await options.locator('#contact-list img').count(), 0);
    assert.notEqual(await options.title(), '1');
    // Numbers are shown formatted for the default country.
    const row = options.locator('#contact-list li.contact-row').filter({ hasText: 'onerror' });
    assert.equal(await row.locator('.contact-number-text').textContent(), '(415) 555-0100');

    // Importing the same file again adds nothing.
    await file.setInputFiles({ name: 'google.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await waitFor(
      async () =>
        /^Imported 0 contacts\. Skipped 1 line without a number\. 1 was already in the address book\.$/.test(
          (await status().textContent()) ?? '',
        ),
      {
        what: `the repeated import to be reported (status: "${await status().textContent()}")`,
      },
    );
    assert.equal((await listedNames()).length, 3);
  });

  test('b: a contact calls: the popup names them; after the call, so does the history', async () => {
    popup = await openPopup(lab.browser.context, lab.browser.extensionId);
    await waitForRegistration(popup, 'Registered');
    await bea.clearEvents();
    await bea.call(ME);
    await waitForPopupCallState(popup, 'Incoming call');
    assert.equal((await popupCalls(popup))[0]?.name, 'Bea Bauer');
    // The worker names the caller too: the toolbar's title.
    await waitFor(
      async () =>
        (await lab.browser.serviceWorker.evaluate(() => chrome.action.getTitle({}))) === 'ClickDial: Incoming call from Bea Bauer',
      {
        what: 'the toolbar title to name the contact',
      },
    );
    // The caller gives up: a missed call, filed under the contact's name.
    await bea.hangup();
    await waitForNoPopupCall(popup);
    await popup.getByRole('tab', { name: 'History' }).click();
    const first = popup.locator('.history-entry').first();
    await waitFor(async () => (await first.locator('.history-name').textContent()) === 'Bea Bauer', {
      what: `the history to name the caller (first row: "${await first.textContent().catch(() => '')}")`,
    });
    assert.equal(await first.getAttribute('data-outcome'), 'missed');
    await popup.getByRole('tab', { name: 'Phone' }).click();
  });

  test('c: typing part of a name in the dial field suggests the contact; Enter on it calls the number', async () => {
    const field = popup.getByRole('combobox', { name: 'Number or SIP address' });
    await field.click();
    await field.pressSequentially('carl');
    const option = popup.getByRole('option', { name: /Castro, Carl/ });
    await option.waitFor();
    assert.equal(await field.getAttribute('aria-expanded'), 'true');
    assert.equal(await field.getAttribute('aria-activedescendant'), null);
    await popup.keyboard.press('ArrowDown');
    assert.equal(await field.getAttribute('aria-activedescendant'), await option.getAttribute('id'));
    assert.equal(await option.getAttribute('aria-selected'), 'true');
    await carl.clearEvents();
    await popup.keyboard.press('Enter');
    // The INVITE reaches 1003, Carl's number: what was dialled is the contact's number.
    await carl.waitForEvent('invite');
    await waitFor(async () => (await popupCalls(popup))[0]?.name === 'Castro, Carl', {
      what: `the call card to name Carl (${JSON.stringify(await popupCalls(popup))})`,
    });
    await popup.getByRole('button', { name: 'Hang up' }).click();
    await carl.waitForEvent('cancel');
    await waitForNoPopupCall(popup);
  });

  test('d: Escape closes the suggestions and keeps the text; the dial field formats a number as it is typed', async () => {
    const field = popup.getByRole('combobox', { name: 'Number or SIP address' });
    await field.fill('');
    await field.pressSequentially('bea');
    await popup.getByRole('option', { name: /Bea Bauer/ }).waitFor();
    await popup.keyboard.press('Escape');
    assert.equal(await field.getAttribute('aria-expanded'), 'false');
    assert.equal(await field.inputValue(), 'bea');

    await field.fill('');
    await field.pressSequentially('+1415555');
    assert.equal(await field.inputValue(), '+1 415 555');
    await field.pressSequentially('0132');
    assert.equal(await field.inputValue(), '+1 415 555 0132');
    // A contact is suggested by digits of their number too.
    await field.fill('');
    await field.pressSequentially('415555');
    await popup.getByRole('option', { name: /onerror/ }).waitFor();
    await field.fill('');
  });

  test('e: with the keyboard only, a contact is added, deleted, and brought back with Undo', async () => {
    await options.bringToFront();
    await options.getByRole('button', { name: 'Add contact' }).focus();
    await options.keyboard.press('Enter');
    // Focus goes to the new contact's name field.
    await waitFor(
      async () => (await options.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent)) === 'Name',
      {
        what: 'focus in the name field',
      },
    );
    await options.keyboard.type('Dora Diaz');
    await options.keyboard.press('Tab');
    await options.keyboard.type('(415) 555-0199');
    await options.keyboard.press('Enter');
    await waitFor(async () => (await status().textContent()) === 'Saved Dora Diaz.', { what: 'the new contact to be saved' });
    assert.deepEqual(await listedNames(), ['<img src=x onerror="document.title=1">', 'Bea Bauer', 'Castro, Carl', 'Dora Diaz']);
    // Focus is on the saved contact's Edit button.
    await waitFor(async () => (await options.evaluate(() => document.activeElement?.getAttribute('aria-label'))) === 'Edit Dora Diaz', {
      what: 'focus on Edit Dora Diaz',
    });

    await options.keyboard.press('Tab'); // to Delete Dora Diaz
    await options.keyboard.press('Enter');
    await waitFor(async () => (await status().textContent()) === 'Deleted Dora Diaz.', { what: 'the deletion to be said' });
    assert.equal((await listedNames()).includes('Dora Diaz'), false);
    await waitFor(async () => (await options.evaluate(() => document.activeElement?.textContent)) === 'Undo', { what: 'focus on Undo' });
    await options.keyboard.press('Enter');
    await waitFor(async () => (await listedNames()).includes('Dora Diaz'), { what: 'Dora Diaz to be back' });
    assert.equal(await status().textContent(), 'Dora Diaz is back in the address book.');

    // What the worker stored: the versioned shape, the numbers as typed.
    const stored = await lab.browser.serviceWorker.evaluate(() => chrome.storage.local.get('contacts'));
    const book = stored.contacts as { version: number; contacts: { name: string; numbers: { number: string; type: string }[] }[] };
    assert.equal(book.version, 1);
    assert.deepEqual(book.contacts.find((c) => c.name === 'Dora Diaz')?.numbers, [{ number: '(415) 555-0199', type: 'mobile' }]);
  });

  test('f: axe finds nothing in the address book, its form with an error, and the open suggestions, light and dark', async () => {
    const found: AxeViolation[] = [];
    await options.bringToFront();
    found.push(...(await axeViolations(options, 'options, address book with contacts')));
    await options.getByRole('button', { name: 'Add contact' }).click();
    await options.getByRole('button', { name: 'Save contact' }).click();
    await options.locator('form.contact-form [role=alert]').waitFor();
    found.push(...(await axeViolations(options, 'options, new contact without a number')));
    await options.keyboard.press('Escape');
    await options.getByRole('button', { name: 'Add contact' }).waitFor();

    await popup.bringToFront();
    const field = popup.getByRole('combobox', { name: 'Number or SIP address' });
    await field.fill('');
    await field.pressSequentially('ca');
    await popup.getByRole('option', { name: /Castro, Carl/ }).waitFor();
    await popup.keyboard.press('ArrowDown');
    found.push(...(await axeViolations(popup, 'popup, suggestions open, one chosen')));
    await popup.keyboard.press('Escape');
    assert.equal(found.length, 0, `axe found ${found.length} violation(s):\n${found.map(formatViolation).join('\n')}`);
  });

  test("g: a contact's text message is filed under their name, and a page's number of theirs is named in the confirmation", async () => {
    await popup.bringToFront();
    await popup.getByRole('tab', { name: 'Messages' }).click();
    await bea.message(ME, 'Call me back, Bea');
    // The list, the conversation and its header say the contact's name, as the call card does.
    await popup.getByRole('button', { name: /^Conversation with Bea Bauer/ }).click();
    await popup.locator('.message.in', { hasText: 'Call me back, Bea' }).waitFor();
    assert.equal(await popup.locator('.conversation-head strong').textContent(), 'Bea Bauer');
    await popup.getByRole('button', { name: '‹ Messages' }).click();
    await popup.getByRole('tab', { name: 'Phone' }).click();

    const file = options.getByLabel('Import contacts from a vCard or CSV file');
    const card = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Dana Dial', 'TEL;TYPE=WORK:+1 415 555 0102', 'END:VCARD', ''].join('\r\n');
    await file.setInputFiles({ name: 'dana.vcf', mimeType: 'text/vcard', buffer: Buffer.from(card) });
    await waitFor(async () => (await status().textContent()) === 'Imported 1 contact.', { what: 'Dana Dial to be imported' });
    const page = await lab.browser.context.newPage();
    try {
      await page.goto(lab.server.fixtureUrl('click-to-call.html'));
      const link = page.getByRole('link', { name: '+1 (415) 555-0102' }).first();
      await link.hover();
      await new Promise((r) => setTimeout(r, 400));
      await link.click();
      const confirm = await waitForConfirmation(lab.browser.context, lab.browser.extensionId);
      await waitFor(
        async () =>
          (await confirm
            .getByTestId('confirm-contact')
            .textContent()
            .catch(() => null)) === 'Dana Dial',
        {
          what: 'the confirmation to name the contact',
        },
      );
      assert.equal((await confirmationText(confirm)).e164, '+14155550102');
      await confirm.close();
    } finally {
      await page.close();
    }
  });
});
