// Issue 13, point 1: Chrome closing the phone document mid-call (as it may,
// or as chrome.offscreen.closeDocument() does). The worker hears of it at once
// through the phone's port and recreates the phone, which registers again
// within 2 s and ends the lost call at the far end with a BYE built from the
// saved dialog; the popup never shows the dead call; the history and a
// notification say the call was dropped, and why. Real Chromium, real Kamailio.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { registrationText, waitForPopupCallState, waitForRegistration, storedHistory } from './harness/clickdial.js';
import { dial, startRig, type Rig } from './harness/call-controls.js';
import { waitFor } from './harness/wait.js';

let rig: Rig;

before(async () => {
  rig = await startRig(['1002']);
});

after(async () => {
  await rig?.stop();
});

async function closePhoneDocument(): Promise<void> {
  await rig.browser.serviceWorker.evaluate(() => chrome.offscreen.closeDocument());
}

function history(): ReturnType<typeof storedHistory> {
  return storedHistory(rig.browser.serviceWorker);
}

test('a call lost with the phone document: no ghost, BYE to the far end, filed as dropped, registered again within 2 s', async () => {
  await dial(rig.popup, '1002');
  await rig.farEnd.waitForEvent('invite');
  await rig.farEnd.answer();
  await waitForPopupCallState(rig.popup, 'In call');
  await rig.farEnd.clearEvents();

  await closePhoneDocument();
  const closedAt = Date.now();
  // The popup drops the dead call (the new phone's first snapshot has none), within a second.
  await waitFor(async () => (await rig.popup.locator('article.call').count()) === 0, {
    timeoutMs: 3000,
    what: 'the popup to stop showing the call the phone lost',
  });
  const ghostMs = Date.now() - closedAt;
  await waitForRegistration(rig.popup, 'Registered', 5000);
  const registeredS = (Date.now() - closedAt) / 1000;
  assert.ok(registeredS <= 2, `registered again ${registeredS} s after the document closed`);

  // The far end's call is ended by the new phone, not left dangling.
  const bye = await rig.farEnd.waitForEvent('bye-received', undefined, { timeoutMs: 10_000 });
  assert.ok(bye, 'the far end got a BYE');
  await rig.farEnd.waitForCallState('Terminated');

  await waitFor(async () => (await history())[0]?.outcome === 'dropped', { what: 'the history to file the call as dropped' });
  const [entry] = await history();
  assert.equal(entry?.remote.user, '1002');
  assert.match(entry?.reason ?? '', /closed by Chrome during the call/);
  await rig.popup.getByRole('tab', { name: /History/ }).click();
  await waitFor(async () => /closed by Chrome during the call/.test(await rig.popup.locator('.history-reason').first().innerText()), {
    what: 'the popup history to say why',
  });
  await rig.popup.getByRole('tab', { name: /Phone/ }).click();
  console.log(`ghost gone after ${ghostMs} ms; registered after ${registeredS} s`);
});

test('an outgoing call still ringing when the phone document closes is cancelled at the far end by the new phone', async () => {
  await rig.farEnd.clearEvents();
  await dial(rig.popup, '1002');
  await rig.farEnd.waitForEvent('invite');
  await waitForPopupCallState(rig.popup, 'Ringing…');
  await closePhoneDocument();
  // The far end stops ringing: the CANCEL matched its INVITE through Kamailio.
  await rig.farEnd.waitForEvent('cancel', undefined, { timeoutMs: 10_000 });
  await waitFor(async () => (await rig.popup.locator('article.call').count()) === 0, { what: 'no ghost call' });
  await waitFor(async () => (await history())[0]?.outcome === 'dropped', { what: 'the history to file it as dropped' });
});

test('incoming calls right after the phone document closed still ring', async () => {
  await closePhoneDocument();
  // No popup or page asks for the phone: the worker brings it back by itself.
  await waitFor(
    async () =>
      (await rig.kamailio
        .rpc('ul.lookup', 'location', `1001@${rig.kamailio.domain}`)
        .then(() => true)
        .catch(() => false)) && (await registrationText(rig.popup)) === 'Registered',
    { timeoutMs: 5000, what: 'the phone to be back and registered' },
  );
  await rig.farEnd.call(`sip:1001@${rig.kamailio.domain}`);
  await waitFor(async () => (await rig.popup.locator('article.call').count()) === 1, { what: 'the call to ring here' });
  await rig.farEnd.hangup();
  await waitFor(async () => (await rig.popup.locator('article.call').count()) === 0, { what: 'the call to end' });
});
