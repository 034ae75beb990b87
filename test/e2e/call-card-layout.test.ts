// Issue 10, point 3: the call card. Real calls through Kamailio put the popup
// (at its own width, 320 px) into every state a call card has, and in each the
// test measures what is drawn: no text is wider than its box, every control
// lies inside its card and the popup, no two buttons overlap; with a long
// caller name and a long number. The bug (pressing Mute widened the
// button row: Transfer clipped, Hang up out of the card) fails here. Then call
// waiting's "Hold and answer" (the far end gets a hold re-INVITE) and "End and
// answer" (it gets a BYE), and the summary's Redial (a new INVITE).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fillAccountForm, openOptions, openPopup, waitForNoPopupCall, waitForRegistration } from './harness/clickdial.js';
import { card, dial, startRig, waitForCardState, waitForHearing, waitForSilence, type Rig } from './harness/call-controls.js';
import type { FarEnd } from './harness/far-end.js';
import { startPhoneLab, type PhoneLab } from './harness/phone-lab.js';
import { USERS, aorOf, credentialsOf, type UserId } from './harness/users.js';
import { waitFor } from './harness/wait.js';

const ME = aorOf('1001');
/** One word too long for any line of the card, then more words. */
const LONG_NAME_B = 'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft Maximiliane Featherstonehaugh';
const LONG_NAME_C = 'Bartholomew Cholmondeley-Featherstonehaugh of Wolverhampton and Saint Petersburg';
/** A DID the test Kamailio routes to 1002 (kamailio.cfg, LOCATION). */
const LONG_NUMBER = '+14155550102';
/** How the card names it: formatted for the default country (US). */
const LONG_SHOWN = '(415) 555-0102';

let rig: Rig;
let popup: Page;
let b: FarEnd; // 1002
let c: FarEnd; // 1003

/** Registers the far end again with a display name, which its calls carry in From. */
async function nameFarEnd(farEnd: FarEnd, user: UserId, displayName: string): Promise<void> {
  const { aor, password } = credentialsOf(user);
  await farEnd.page.evaluate(
    (args) => (window as unknown as { farEnd: { register(a: unknown): Promise<unknown> } }).farEnd.register(args),
    { wsUrl: rig.kamailio.wsUrl, aor, user, password, displayName },
  );
}

/** The far ends with long names, the popup at its own size (Chrome sizes the toolbar popup to the page's 320 px body). */
async function ready(lab: Rig): Promise<void> {
  rig = lab;
  popup = rig.popup;
  b = rig.far['1002']!;
  c = rig.far['1003']!;
  await nameFarEnd(b, '1002', LONG_NAME_B);
  await nameFarEnd(c, '1003', LONG_NAME_C);
  await popup.setViewportSize({ width: 320, height: 600 });
}

interface Layout {
  problems: string[];
  cards: number;
  controls: number;
}

/**
 * Everything visible in the popup's call cards and summaries, measured in the page: text boxes
 * not wider than they are drawn (scrollWidth <= clientWidth), every control inside its card and
 * the viewport, no two buttons overlapping, no sideways scrolling.
 */
async function measure(page: Page): Promise<Layout> {
  // A string, not a function: the test runner's transpiler would add helpers the page does not have.
  return page.evaluate<Layout>(MEASURE);
}

const MEASURE = `(() => {
  const problems = [];
  const viewport = document.documentElement.clientWidth;
  const name = (el) => {
    const label = el.getAttribute('aria-label') ?? el.textContent ?? '';
    return el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ' "' + label.trim().slice(0, 40) + '"';
  };
  const shown = (el) => el.getClientRects().length > 0 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const inside = (inner, outer) =>
    inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;
  if (document.documentElement.scrollWidth > viewport) {
    problems.push('the popup scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + viewport);
  }
  const cards = [...document.querySelectorAll('article.call, section.call-summary')].filter(shown);
  let controls = 0;
  for (const box of cards) {
    const cardRect = box.getBoundingClientRect();
    const who = name(box);
    if (cardRect.left < -0.5 || cardRect.right > viewport + 0.5) problems.push(who + ' leaves the viewport');
    if (box.scrollWidth > box.clientWidth) problems.push(who + ' overflows: ' + box.scrollWidth + ' > ' + box.clientWidth);
    const all = [box, ...box.querySelectorAll('*')].filter(shown);
    for (const el of all) {
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      const isControl = el.matches('button, input, select, textarea, output');
      const inline = getComputedStyle(el).display === 'inline';
      // Text boxes and controls: the content fits the box.
      if ((hasText || isControl) && !inline && el.scrollWidth > el.clientWidth) {
        problems.push(name(el) + ' in ' + who + ' is cut: scrollWidth ' + el.scrollWidth + ' > clientWidth ' + el.clientWidth);
      }
      // Every line box of text, and every control, inside the card and the viewport.
      if (hasText || isControl) {
        for (const rect of el.getClientRects()) {
          if (!inside(rect, cardRect)) problems.push(name(el) + ' sticks out of ' + who);
          if (rect.left < -0.5 || rect.right > viewport + 0.5) problems.push(name(el) + ' leaves the viewport');
        }
      }
      if (isControl) controls += 1;
    }
    const buttons = all.filter((el) => el.matches('button')).map((el) => [el, el.getBoundingClientRect()]);
    for (let i = 0; i < buttons.length; i++) {
      for (let j = i + 1; j < buttons.length; j++) {
        const [a, ra] = buttons[i];
        const [o, ro] = buttons[j];
        const w = Math.min(ra.right, ro.right) - Math.max(ra.left, ro.left);
        const h = Math.min(ra.bottom, ro.bottom) - Math.max(ra.top, ro.top);
        if (w > 0.5 && h > 0.5) problems.push(name(a) + ' and ' + name(o) + ' overlap in ' + who);
      }
    }
  }
  // The running timers read as times, never cut ("0:0…").
  for (const timer of document.querySelectorAll('.call-duration')) {
    if (!/^\\d+:\\d{2}(:\\d{2})?$/.test(timer.textContent ?? '')) problems.push('timer reads "' + timer.textContent + '"');
  }
  return { problems, cards: cards.length, controls };
})()`;

/** Measures the popup now; `what` names the state in the failure. */
async function assertLaidOut(what: string, expectedCards: number): Promise<void> {
  const layout = await measure(popup);
  assert.equal(layout.cards, expectedCards, `${what}: ${layout.cards} card(s) shown`);
  assert.ok(layout.controls > 0, `${what}: no controls measured`);
  assert.deepEqual(layout.problems, [], `${what}: ${layout.problems.length} layout problem(s)`);
}

/** Dark as well as light: the same measurements (borders and weights differ between them). */
async function assertLaidOutBothSchemes(what: string, expectedCards: number): Promise<void> {
  await assertLaidOut(`${what} (light)`, expectedCards);
  await popup.emulateMedia({ colorScheme: 'dark' });
  try {
    await assertLaidOut(`${what} (dark)`, expectedCards);
  } finally {
    await popup.emulateMedia({ colorScheme: 'light' });
  }
}

async function endEverything(): Promise<void> {
  await b.autoAnswer(false);
  await c.autoAnswer(false);
  await waitFor(
    async () => {
      if ((await popup.locator('article.call').count()) === 0) return true;
      await popup
        .locator('article.call [data-focus="hangup"], article.call button.hangup')
        .first()
        .click({ timeout: 1000 })
        .catch(() => undefined);
      return undefined;
    },
    { what: 'every call ended', intervalMs: 300 },
  );
  const close = popup.getByRole('button', { name: 'Close call summary' });
  if (await close.isVisible()) await close.click();
}

const toggle = (who: string, name: string) => card(popup, who).getByRole('button', { name, exact: true });

describe('the call card at the popup width', () => {
  before(async () => ready(await startRig(['1002', '1003'])));
  after(async () => rig?.stop());

  test('every state of a call lays out inside its card: outgoing to a long number, muted, keypad, transfer, holds', async () => {
    await b.clearEvents();
    await dial(popup, LONG_NUMBER);
    await b.waitForEvent('invite');
    await waitForCardState(popup, LONG_SHOWN, 'Ringing…');
    await assertLaidOutBothSchemes('outgoing, ringing', 1);

    await b.answer();
    await waitForCardState(popup, LONG_SHOWN, 'In call');
    await assertLaidOutBothSchemes('established', 1);
    for (const name of ['Mute', 'Hold', 'Keypad', 'Transfer']) {
      assert.equal(await toggle(LONG_SHOWN, name).getAttribute('aria-pressed'), 'false', `${name} is off`);
    }
    const widthsBefore = await card(popup, LONG_SHOWN)
      .locator('.call-toggles button')
      .evaluateAll((all) => all.map((el) => Math.round(el.getBoundingClientRect().width)));

    // The bug: pressing Mute widened the row.
    await toggle(LONG_SHOWN, 'Mute').click();
    await card(popup, LONG_SHOWN).getByRole('button', { name: 'Mute', pressed: true }).waitFor();
    await assertLaidOutBothSchemes('muted', 1);
    const widthsMuted = await card(popup, LONG_SHOWN)
      .locator('.call-toggles button')
      .evaluateAll((all) => all.map((el) => Math.round(el.getBoundingClientRect().width)));
    assert.deepEqual(widthsMuted, widthsBefore, 'the controls keep their width when Mute is on');
    // On and off differ in more than colour: the mark is filled, the weight heavier.
    const look = await toggle(LONG_SHOWN, 'Mute').evaluate((el) => ({
      mark: getComputedStyle(el.querySelector('.toggle-mark')!).backgroundColor,
      weight: getComputedStyle(el).fontWeight,
    }));
    const offLook = await toggle(LONG_SHOWN, 'Hold').evaluate((el) => ({
      mark: getComputedStyle(el.querySelector('.toggle-mark')!).backgroundColor,
      weight: getComputedStyle(el).fontWeight,
    }));
    assert.notEqual(look.mark, offLook.mark, 'the mark of a pressed toggle is filled');
    assert.ok(Number(look.weight) > Number(offLook.weight), 'a pressed toggle is bolder');
    await toggle(LONG_SHOWN, 'Mute').click();
    await card(popup, LONG_SHOWN).getByRole('button', { name: 'Mute', pressed: false }).waitFor();

    await toggle(LONG_SHOWN, 'Keypad').click();
    await card(popup, LONG_SHOWN).getByRole('group', { name: 'Key tones' }).waitFor();
    assert.equal(await toggle(LONG_SHOWN, 'Keypad').getAttribute('aria-pressed'), 'true');
    await assertLaidOutBothSchemes('keypad open', 1);
    await toggle(LONG_SHOWN, 'Keypad').click();

    await toggle(LONG_SHOWN, 'Transfer').click();
    await popup.getByLabel('Transfer to').waitFor();
    assert.equal(await toggle(LONG_SHOWN, 'Transfer').getAttribute('aria-pressed'), 'true');
    await assertLaidOutBothSchemes('transfer open', 1);
    await popup.getByRole('button', { name: 'Transfer now' }).click();
    await card(popup, LONG_SHOWN).getByRole('alert').waitFor();
    await assertLaidOut('transfer open, with its error', 1);
    await popup.getByRole('button', { name: 'Close transfer' }).click();

    await b.hold();
    await waitForCardState(popup, LONG_SHOWN, 'Held by the other side');
    await assertLaidOutBothSchemes('held by the other side', 1);
    await b.unhold();
    await waitForCardState(popup, LONG_SHOWN, 'In call');

    await toggle(LONG_SHOWN, 'Hold').click();
    await waitForCardState(popup, LONG_SHOWN, 'On hold');
    // Collapsed: the party, "On hold", Resume; no toggles.
    assert.equal(await card(popup, LONG_SHOWN).locator('.call-toggles').count(), 0, 'a held call shows no toggles');
    await card(popup, LONG_SHOWN).getByRole('button', { name: 'Resume' }).waitFor();
    await assertLaidOutBothSchemes('on hold (collapsed)', 1);
    await card(popup, LONG_SHOWN).getByRole('button', { name: 'Resume' }).click();
    await waitForCardState(popup, LONG_SHOWN, 'In call');
    await endEverything();
  });

  test('an incoming call with a long name, call waiting on top, two calls with one held, the summary', async () => {
    await b.call(ME);
    const longB = card(popup, LONG_NAME_B);
    await waitForCardState(popup, LONG_NAME_B, 'Incoming call');
    await assertLaidOutBothSchemes('incoming, long name', 1);
    await longB.getByRole('button', { name: 'Answer', exact: true }).click();
    await waitForCardState(popup, LONG_NAME_B, 'In call');
    await assertLaidOutBothSchemes('established, long name', 1);
    await toggle(LONG_NAME_B, 'Mute').click();
    await longB.getByRole('button', { name: 'Mute', pressed: true }).waitFor();
    await assertLaidOut('muted, long name', 1);
    await toggle(LONG_NAME_B, 'Mute').click();

    // A second caller: call waiting, drawn first and larger.
    await c.call(ME);
    await waitForCardState(popup, LONG_NAME_C, 'Call waiting');
    const first = await popup.locator('article.call').first().locator('.call-name').textContent();
    assert.ok(first?.includes(LONG_NAME_C), `the waiting call is on top (the first card is ${first})`);
    const borders = await popup
      .locator('article.call')
      .evaluateAll((all) => all.map((el) => parseFloat(getComputedStyle(el).borderTopWidth)));
    assert.ok(borders[0]! > borders[1]!, `the waiting call's card stands out (${JSON.stringify(borders)})`);
    for (const name of ['Hold and answer', 'End and answer', 'Decline']) {
      await card(popup, LONG_NAME_C).getByRole('button', { name, exact: true }).waitFor();
    }
    await assertLaidOutBothSchemes('call waiting', 2);

    // Hold and answer: 1002 gets a hold re-INVITE, 1003 is answered.
    await b.clearEvents();
    await card(popup, LONG_NAME_C).getByRole('button', { name: 'Hold and answer' }).click();
    await c.waitForCallState('Established');
    await b.waitForEvent('reinvite');
    // The re-INVITE's offer holds the audio (SIP.js: sendonly, or inactive).
    await waitFor(async () => /^a=(sendonly|inactive)/m.test(await b.remoteSdp()), { what: '1002 put on hold by the re-INVITE' });
    await waitForCardState(popup, LONG_NAME_B, 'On hold');
    await waitForCardState(popup, LONG_NAME_C, 'In call');
    await waitForSilence(b, '1002 on hold');
    await waitForHearing(c, '1003 to hear us');
    // Focus went to the answered call's Hang up.
    await waitFor(
      async () =>
        (
          await popup.evaluate(() => document.activeElement?.closest('article.call')?.querySelector('.call-name')?.textContent ?? '')
        ).includes(LONG_NAME_C) && (await popup.evaluate(() => document.activeElement?.textContent)) === 'Hang up',
      { what: 'focus on the Hang up of the answered call' },
    );
    // The talked-on call before the held one.
    assert.ok(
      ((await popup.locator('article.call').first().locator('.call-name').textContent()) ?? '').includes(LONG_NAME_C),
      'the call in progress is drawn above the held one',
    );
    await assertLaidOutBothSchemes('two calls, one held', 2);

    // The call with 1003 ends: a summary, with the duration, while 1002 stays held.
    await card(popup, LONG_NAME_C).getByRole('button', { name: 'Hang up' }).click();
    await c.waitForEvent('bye-received');
    const summary = popup.getByRole('region', { name: `Call with ${LONG_NAME_C} ended` });
    await summary.waitFor();
    assert.match((await summary.textContent()) ?? '', /Lasted \d+ sec/);
    await assertLaidOutBothSchemes('held call and the summary', 2);
    await summary.getByRole('button', { name: 'Close call summary' }).click();
    await summary.waitFor({ state: 'detached' });
    await endEverything();
    await waitForNoPopupCall(popup);
  });

  test('End and answer: the call in progress gets a BYE, the waiting call is answered', async () => {
    await b.autoAnswer(true);
    await dial(popup, '1002');
    await b.waitForCallState('Established');
    await waitForCardState(popup, '1002', 'In call');
    await b.clearEvents();
    await c.clearEvents();
    await c.call(ME);
    await waitForCardState(popup, LONG_NAME_C, 'Call waiting');
    await card(popup, LONG_NAME_C).getByRole('button', { name: 'End and answer' }).click();
    await b.waitForEvent('bye-received');
    await c.waitForCallState('Established');
    await waitForCardState(popup, LONG_NAME_C, 'In call');
    await waitFor(async () => (await popup.locator('article.call').count()) === 1, { what: 'one call left' });
    assert.equal((await b.state()).events.filter((e) => e.type === 'reinvite').length, 0, 'no hold re-INVITE before the BYE');
    await waitForHearing(c, '1003 to hear us');
    await endEverything();
  });

  test('the summary after a call: its duration, and Redial places the call again (a new INVITE)', async () => {
    await b.autoAnswer(true);
    await dial(popup, '1002');
    await b.waitForCallState('Established');
    await waitForCardState(popup, '1002', 'In call');
    await new Promise((r) => setTimeout(r, 1200));
    await b.hangup();
    const summary = popup.getByRole('region', { name: 'Call with 1002 ended' });
    await summary.waitFor();
    assert.match((await summary.textContent()) ?? '', /Lasted [1-9]\d* sec/);
    await assertLaidOutBothSchemes('ended summary', 1);
    await b.clearEvents();
    await summary.getByRole('button', { name: 'Redial' }).click();
    const invite = await b.waitForEvent('invite');
    assert.equal(invite.detail.from, ME, 'the INVITE comes from us');
    await summary.waitFor({ state: 'detached' });
    await waitForCardState(popup, '1002', 'In call');
    await endEverything();
  });
});

// Translations are where words grow ("Mettre en attente et répondre"): the same measurements in
// French and German, with controls found by their place in the card (the words differ).
for (const language of ['fr', 'de'] as const) {
  describe(`the call card at the popup width, in ${language}`, () => {
    const catalogue = JSON.parse(readFileSync(`public/_locales/${language}/messages.json`, 'utf8')) as Record<string, { message: string }>;
    const word = (key: string) => catalogue[key]!.message;
    const saved = process.env.LANGUAGE;
    // This suite's own lab: stopped in after() even when before() fails half way (a lab left
    // running keeps the test file, and the whole run, from ending).
    let lab: PhoneLab | undefined;

    before(async () => {
      // Chromium on Linux picks its UI language (and so chrome.i18n's) from LANGUAGE.
      process.env.LANGUAGE = language;
      lab = await startPhoneLab({ farEnds: ['1002', '1003'], extraArgs: [`--lang=${language}`] });
      const options = await openOptions(lab.browser.context, lab.browser.extensionId);
      await fillAccountForm(options, { server: lab.kamailio.wsUrl, aor: ME, password: USERS['1001'] }, word('options_account_save'));
      await waitForRegistration(options, word('account_registered'));
      await options.close();
      const page = await openPopup(lab.browser.context, lab.browser.extensionId);
      await waitForRegistration(page, word('account_registered'));
      await ready({ ...lab, popup: page });
    });
    after(async () => {
      await lab?.stop();
      if (saved === undefined) delete process.env.LANGUAGE;
      else process.env.LANGUAGE = saved;
    });

    test('in call, muted, keypad, transfer, held; call waiting; two calls; the summary', async () => {
      const inCall = word('call_state_in_call');
      const the = (who: string) => card(popup, who);
      await b.autoAnswer(true);
      await popup.locator('[data-focus="dial"]').fill('1002');
      await popup.locator('button.call-button').click();
      await waitForCardState(popup, '1002', inCall);
      await assertLaidOut('in call', 1);
      const toggles = the('1002').locator('.call-toggles button');
      await toggles.nth(0).click(); // Mute
      await the('1002').locator('.call-toggles button[aria-pressed="true"]').waitFor();
      await assertLaidOutBothSchemes('muted', 1);
      await toggles.nth(0).click();
      await toggles.nth(2).click(); // Keypad
      await the('1002').locator('.call-keypad').waitFor();
      await assertLaidOut('keypad open', 1);
      await toggles.nth(2).click();
      await toggles.nth(3).click(); // Transfer
      await the('1002').locator('.transfer-form').waitFor();
      await assertLaidOut('transfer open', 1);
      await toggles.nth(3).click();
      await toggles.nth(1).click(); // Hold
      await waitForCardState(popup, '1002', word('call_state_on_hold'));
      await assertLaidOut('on hold (collapsed)', 1);
      await the('1002').locator('[data-focus="resume"]').click();
      await waitForCardState(popup, '1002', inCall);

      await c.call(ME);
      await waitForCardState(popup, LONG_NAME_C, word('call_waiting'));
      await assertLaidOutBothSchemes('call waiting', 2);
      await the(LONG_NAME_C).locator('[data-focus="answer"]').click(); // Hold and answer
      await waitForCardState(popup, LONG_NAME_C, inCall);
      await waitForCardState(popup, '1002', word('call_state_on_hold'));
      await assertLaidOutBothSchemes('two calls, one held', 2);
      await the(LONG_NAME_C).locator('[data-focus="hangup"]').click();
      await popup.locator('section.call-summary').waitFor();
      await assertLaidOutBothSchemes('held call and the summary', 2);
      await endEverything();
    });
  });
}
