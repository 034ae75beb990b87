// Issue "Click any phone number on any web page to call it": numbers on a
// loopback page become links (also in a table added later and in a shadow
// root; never in inputs, editable text, hidden elements or false positives);
// a trusted click calls the far end through Kamailio with audio both ways; a
// click made by the page's own script does not; tel: links are taken over;
// a page with format-detection telephone=no is left alone; the settings
// switch the page live. The context menu item cannot be clicked in headless
// Chromium (native menu): test/background/context-menu.test.ts covers it.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { LaunchedExtensionBrowser } from './harness/browser.js';
import type { FarEnd } from './harness/far-end.js';
import type { FarEndServer } from './harness/far-end-server.js';
import { offscreenRtp } from './harness/offscreen-rtp.js';
import { setUpAccount, startPhoneLab, type PhoneLab } from './harness/phone-lab.js';
import { waitFor } from './harness/wait.js';
import { confirmationText, waitForConfirmation } from './harness/confirmation.js';
import { setClickToCall as setSettings } from './harness/clickdial.js';

let server: FarEndServer;
let browser: LaunchedExtensionBrowser;
let farEnd: FarEnd;
let page: Page;

/** The numbers ClickDial linked, where they are, and their tooltips (open shadow roots included). */
function linkedNumbers(target: Page): Promise<{ text: string; title: string; in: string }[]> {
  // No named inner functions: tsx would wrap them in a helper the page does not have.
  return target.evaluate(() => {
    const found: { text: string; title: string; in: string }[] = [];
    const roots: (Document | ShadowRoot)[] = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const a of root.querySelectorAll('a')) {
        if (a.title.includes('Call with ClickDial'))
          found.push({ text: a.textContent ?? '', title: a.title, in: a.closest('[id]')?.id ?? '' });
      }
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    }
    return found;
  });
}

const EXPECTED = [
  { text: '+1 (415) 555-0102', in: 'plain', e164: '+14155550102' },
  { text: '+49 30 1234567', in: 'plain', e164: '+49301234567' },
  { text: '+1 415 555 0135', in: 'in-shadow', e164: '+14155550135' },
  { text: '+1 415 555 0136', in: 'late-table', e164: '+14155550136' },
  { text: '+44 20 7946 0958', in: 'late-table', e164: '+442079460958' },
];

async function invitesSeen(): Promise<number> {
  return (await farEnd.state()).events.filter((e) => e.type === 'invite').length;
}

const setClickToCall = (change: Record<string, unknown> = {}) => setSettings(browser.serviceWorker, change);

let lab: PhoneLab;

before(async () => {
  lab = await startPhoneLab();
  ({ server, browser, farEnd } = lab);
  await setUpAccount(lab);
  page = await browser.context.newPage();
});

after(() => lab?.stop());

describe('click-to-call on web pages', () => {
  test('exactly the phone numbers become links, with the E.164 tooltip and no layout change', async () => {
    await page.goto(server.fixtureUrl('click-to-call.html'));
    const linked = await waitFor(
      async () => {
        const now = await linkedNumbers(page);
        return now.length >= EXPECTED.length ? now : undefined;
      },
      { what: 'the numbers to be linked' },
    );
    await new Promise((r) => setTimeout(r, 500)); // nothing more may come
    const sorted = (xs: { text: string; in: string }[]) => xs.map((x) => `${x.in}: ${x.text}`).sort();
    assert.deepEqual(sorted(await linkedNumbers(page)), sorted(EXPECTED));
    for (const expected of EXPECTED) {
      const link = linked.find((l) => l.text === expected.text);
      assert.equal(link?.title, `${expected.e164}\nCall with ClickDial`);
    }
    // The text is unchanged, and the linked paragraph is laid out like its unlinked twin.
    const [plain, twin] = await page.evaluate(() =>
      ['plain', 'twin'].map((id) => {
        const el = document.getElementById(id) as HTMLElement;
        const r = el.getBoundingClientRect();
        return { text: el.innerText, width: r.width, height: r.height };
      }),
    );
    assert.deepEqual(plain, twin);
    // Untouched: inputs, textareas, editable text, hidden elements.
    assert.equal(await page.locator('#input').inputValue(), '+1 415 555 0133');
    assert.equal(await page.locator('#editable a, #hidden a, #display-none a, #false-positives a, #short a').count(), 0);
  });

  test("a linked number adds at most 150 bytes to the page's HTML and no style; copying linked text gives the page's own text", async () => {
    await page.goto(server.fixtureUrl('click-to-call.html'));
    await waitFor(async () => (await linkedNumbers(page)).length >= EXPECTED.length, { what: 'the numbers to be linked' });
    // No named inner functions in evaluate: tsx would wrap them in a helper the page does not have.
    const markup = await page.evaluate(() => {
      const links = [...document.querySelectorAll('a')].filter((a) => a.title.endsWith('Call with ClickDial'));
      const withLinks = document.documentElement.outerHTML.length;
      const clone = document.documentElement.cloneNode(true) as HTMLElement;
      for (const a of [...clone.querySelectorAll('a')].filter((a) => a.title.endsWith('Call with ClickDial')))
        a.replaceWith(...a.childNodes);
      return {
        links: links.length,
        added: withLinks - clone.outerHTML.length,
        styled: links.filter((a) => a.hasAttribute('style')).length,
      };
    });
    assert.ok(markup.links >= 4, `${markup.links} links in the document`);
    const perLink = markup.added / markup.links;
    assert.ok(perLink <= 150, `each link adds ${perLink} bytes to the page's HTML`);
    assert.equal(markup.styled, 0, 'no link carries a style attribute');

    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await page.bringToFront();
    const own = await page.evaluate(() => {
      const paragraph = document.getElementById('plain') as HTMLElement;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const selection = getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    });
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const html = item?.types.includes('text/html') ? await (await item.getType('text/html')).text() : '';
      const text = item?.types.includes('text/plain') ? await (await item.getType('text/plain')).text() : '';
      return { html, text };
    });
    assert.equal(copied.text, own);
    assert.match(copied.html, /555-0102/);
    assert.doesNotMatch(copied.html, /tel:|ClickDial|style=/i, `the copied HTML: ${copied.html}`);
  });

  test('a trusted click on a found number shows it in the confirmation window; Call reaches the far end through Kamailio; audio flows', async () => {
    await farEnd.clearEvents();
    await farEnd.autoAnswer(true);
    // As a person does: the pointer rests on the number a moment before the click.
    await page.getByRole('link', { name: '+1 (415) 555-0102' }).hover();
    await new Promise((r) => setTimeout(r, 400));
    await page.getByRole('link', { name: '+1 (415) 555-0102' }).click();
    const confirm = await waitForConfirmation(browser.context, browser.extensionId);
    assert.deepEqual(await confirmationText(confirm), {
      number: '(415) 555-0102',
      e164: '+14155550102',
      site: '127.0.0.1',
      linkText: '',
      warnings: '',
    });
    assert.equal(await invitesSeen(), 0, 'nothing is dialled before the user confirms');
    await confirm.locator('button.call[data-armed=true]').click();
    await farEnd.waitForCallState('Established');
    assert.equal(page.url(), server.fixtureUrl('click-to-call.html'), 'the page did not navigate');
    const ours = await waitFor(
      async () => {
        const rtp = await offscreenRtp(browser.context);
        return rtp.inboundBytes > 0 ? rtp.inboundBytes : undefined;
      },
      { what: 'RTP at ClickDial' },
    );
    const theirs = await waitFor(async () => ((await farEnd.inboundRtpBytes()) > 0 ? farEnd.inboundRtpBytes() : undefined), {
      what: 'RTP at the far end',
    });
    await waitFor(async () => (await offscreenRtp(browser.context)).inboundBytes > ours + 1000, { what: 'our RTP to grow' });
    await waitFor(async () => (await farEnd.inboundRtpBytes()) > theirs + 1000, { what: 'far-end RTP to grow' });
    await farEnd.hangup();
    await waitFor(async () => (await offscreenRtp(browser.context)).connections === 0, { what: 'our call to end' });
  });

  test('clicks made by the page script never call', async () => {
    await farEnd.clearEvents();
    await page.evaluate(() => {
      const link = [...document.querySelectorAll('a')].find((a) => a.textContent === '+1 (415) 555-0102') as HTMLAnchorElement;
      link.click();
      link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
      // Also from inside a trusted click handler: still isTrusted false.
      document.body.addEventListener('click', () => link.click(), { once: true });
    });
    await page.locator('h1').click(); // a trusted click elsewhere, whose handler clicks our link
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await invitesSeen(), 0, JSON.stringify((await farEnd.state()).events));
    assert.equal(page.url(), server.fixtureUrl('click-to-call.html'));
  });

  test('a tel: link of the page to an internal extension calls through ClickDial (with the PBX extension length set)', async () => {
    await farEnd.clearEvents();
    // tel:1002 is a short number: called from pages only when the options say extensions have 4 digits.
    await setClickToCall({ extensionDigits: { min: 4, max: 4 } });
    await page.locator('#tel-link').click();
    const confirm = await waitForConfirmation(browser.context, browser.extensionId);
    assert.equal((await confirmationText(confirm)).number, '1002');
    await confirm.locator('button.call[data-armed=true]').click();
    await farEnd.waitForCallState('Established');
    assert.equal(page.url(), server.fixtureUrl('click-to-call.html'));
    await farEnd.hangup();
    await waitFor(async () => (await offscreenRtp(browser.context)).connections === 0, { what: 'our call to end' });
  });

  test('switching click-to-call off for the site removes the links at once; on brings them back', async () => {
    await setClickToCall({ denyList: ['127.0.0.1'] });
    await waitFor(async () => (await linkedNumbers(page)).length === 0, { what: 'the links to go' });
    assert.equal(await page.locator('#plain').innerText(), 'Call the desk at +1 (415) 555-0102 or Berlin on +49 30 1234567, any time.');
    await setClickToCall();
    await waitFor(async () => (await linkedNumbers(page)).length === EXPECTED.length, { what: 'the links to come back' });
  });

  test('a hidden number is linked once the page shows it', async () => {
    assert.equal(await page.locator('#display-none a').count(), 0);
    await page.evaluate(() => document.getElementById('display-none')?.removeAttribute('style'));
    await page.locator('#display-none a').waitFor({ timeout: 5000 });
    assert.equal(await page.locator('#display-none a').innerText(), '+1 415 555 0178');
    await page.evaluate(() => document.getElementById('display-none')?.setAttribute('style', 'display: none'));
  });

  test('numbers in display: contents wrappers are linked (nested up to the bound, and in the shadow tree of such a custom element)', async () => {
    const wrapped = await browser.context.newPage();
    await wrapped.goto(server.fixtureUrl('display-contents.html'));
    // The box-less wrappers are never near the viewport themselves: their text waits on the element that has a box.
    await waitFor(async () => (await linkedNumbers(wrapped)).length === 5, { what: '5 links on the page' });
    const links = await linkedNumbers(wrapped);
    assert.deepEqual(links.map((l) => [l.text, l.in]).sort(), [
      ['+1 415 555 0191', 'wrapped'],
      ['+1 415 555 0192', 'nested'],
      ['+1 415 555 0193', 'boxed'],
      ['+1 415 555 0194', 'in-shadow'],
      ['+1 415 555 0195', 'deep-8'],
    ]);
    // Bounded: past MAX_CONTENTS_DEPTH wrappers the climb (a style read each) stops, and the text stays as it is.
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await wrapped.locator('#deep-9 a').count(), 0);
    assert.equal(await wrapped.locator('#deep-9').innerText(), 'Line +1 415 555 0196');
    await wrapped.close();
  });

  test('a number far down a long page is linked only as it comes near the viewport, before it is on screen', async () => {
    const long = await browser.context.newPage();
    await long.goto(server.fixtureUrl('long-page.html'));
    await long.locator('#top a').waitFor({ timeout: 5000 });
    await new Promise((r) => setTimeout(r, 1000));
    // Not even checked yet: sending it to stage 2 and linking it would cost the page for nothing.
    assert.equal(await long.locator('#far a').count(), 0);
    // A screen above it: still off screen, and already linked (links are there before the text scrolls in).
    const height = await long.evaluate(() => window.innerHeight);
    await long.evaluate((h) => window.scrollTo(0, (document.getElementById('far')?.offsetTop ?? 0) - 2 * h), height);
    await long.locator('#far a').waitFor({ timeout: 5000 });
    assert.equal(await long.locator('#far a').getAttribute('href'), 'tel:+14155550102');
    assert.equal(
      await long.evaluate(() => (document.querySelector('#far a')?.getBoundingClientRect().top ?? 0) > window.innerHeight),
      true,
      'the link is still below the viewport',
    );
    await long.close();
  });

  test('a page with format-detection telephone=no is left alone', async () => {
    await farEnd.clearEvents();
    const optOut = await browser.context.newPage();
    await optOut.goto(server.fixtureUrl('click-to-call-opt-out.html'));
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(await linkedNumbers(optOut), []);
    // Its tel: link keeps the browser's default (no call through ClickDial).
    await optOut
      .locator('#tel-link')
      .click({ noWaitAfter: true })
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await invitesSeen(), 0);
    await optOut.close();
  });

  test('numbers inside frames (a framed page and an inline srcdoc frame) become links too', async () => {
    const framed = await browser.context.newPage();
    await framed.goto(server.fixtureUrl('click-to-call-frames.html'));
    const linksIn = (frame: import('playwright-core').Frame) =>
      frame.evaluate(() =>
        [...document.querySelectorAll('a')].filter((a) => a.title.includes('Call with ClickDial')).map((a) => a.textContent),
      );
    await waitFor(async () => (await linksIn(framed.mainFrame())).length === 1, { what: 'the link in the main page' });
    const child = await waitFor(() => framed.frames().find((f) => f.url().endsWith('click-to-call-frame.html')), {
      what: 'the framed page',
    });
    await waitFor(async () => (await linksIn(child)).join() === '+1 415 555 0171', { what: 'the link in the framed page' });
    const inline = await waitFor(() => framed.frames().find((f) => f.url() === 'about:srcdoc'), { what: 'the srcdoc frame' });
    await waitFor(async () => (await linksIn(inline)).join() === '+1 415 555 0172', { what: 'the link in the srcdoc frame' });
    await framed.close();
  });

  test('from the content script (as a compromised page could): no SIP account, no forged phone events', async () => {
    const probe = await browser.context.newPage();
    await probe.goto(server.fixtureUrl('click-to-call.html'));
    await waitFor(async () => (await linkedNumbers(probe)).length > 0, { what: 'the content script to run' });
    const cdp = await browser.context.newCDPSession(probe);
    const worlds: { id: number; name: string; type?: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) =>
      worlds.push({ id: context.id, name: context.name, type: (context.auxData as { type?: string } | undefined)?.type }),
    );
    await cdp.send('Runtime.enable');
    const world = await waitFor(() => worlds.find((w) => w.type === 'isolated' && w.name === 'ClickDial'), {
      what: "ClickDial's content-script world",
    });
    const run = async (expression: string) =>
      (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true })).result
        .value as string;
    // The content script's own world, with its own chrome.storage: the account is out of reach,
    // while the mirrored click-to-call settings are readable.
    assert.match(
      await run("chrome.storage.local.get('accounts').then((v) => JSON.stringify(v), (e) => 'refused: ' + e.message)"),
      /^refused: /,
    );
    assert.match(
      await run("chrome.storage.session.get('clickToCall').then((v) => JSON.stringify(v), (e) => 'refused: ' + e.message)"),
      /defaultCountry/,
    );

    // A forged "missed call" (its call-back would dial the forger's number) is not taken as the phone's.
    const history = () =>
      browser.serviceWorker.evaluate(() => chrome.storage.local.get('callHistory').then((v) => JSON.stringify(v.callHistory ?? [])));
    const before = await history();
    await run(`chrome.runtime.sendMessage({ target: 'subscribers', type: 'phone.callEnded', payload: {
      outcome: 'missed', endedAt: Date.now(),
      call: { id: 'forged', direction: 'incoming', remote: { uri: 'sip:+19005550199@evil.example', user: '+19005550199' },
        state: 'ended', createdAt: Date.now(), held: false, muted: false, earlyMedia: false } } }).then(() => 'sent', (e) => 'not sent: ' + e.message)`);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await history(), before);
    const shown = await browser.serviceWorker.evaluate(() => chrome.notifications.getAll().then((all) => Object.keys(all)));
    assert.deepEqual(
      shown.filter((id) => id.includes('evil.example')),
      [],
    );
    await cdp.detach();
    await probe.close();
  });

  test('the page script carries no libphonenumber-js: stage 2 and its metadata stay in the service worker', () => {
    const script = readFileSync('dist/content/content-script.js', 'utf8');
    assert.equal(script.includes('country_calling_codes'), false, 'the phone-number metadata is in the page script');
    assert.ok(script.length < 40_000, `the page script is ${script.length} bytes`);
    const worker = readdirSync('dist/assets').filter((f) => f.startsWith('service-worker'));
    assert.ok(
      worker.some((f) => readFileSync(`dist/assets/${f}`, 'utf8').includes('content.findNumbers')),
      'the service worker answers content.findNumbers',
    );
  });

  test('a page cannot detect ClickDial by fetching its files (nothing is web-accessible)', async () => {
    const manifest = JSON.parse(readFileSync('dist/manifest.json', 'utf8')) as { web_accessible_resources?: unknown };
    assert.equal(manifest.web_accessible_resources, undefined);
    const probe = await browser.context.newPage();
    await probe.goto(server.fixtureUrl('click-to-call.html'));
    await waitFor(async () => (await linkedNumbers(probe)).length > 0, { what: 'the page script and stage 2 to have run' });
    const base = `chrome-extension://${browser.extensionId}/`;
    for (const file of ['content/content-script.js', 'manifest.json', 'icons/icon-16.png']) {
      const outcome = await probe.evaluate(
        (url) =>
          fetch(url).then(
            (r) => `fetched ${r.status}`,
            () => 'refused',
          ),
        base + file,
      );
      assert.equal(outcome, 'refused', file);
    }
    await probe.close();
  });
});
