// Issue "A call window that stays put, with video…", point 5: video calls.
// Chromium's fake camera sends a moving test pattern from ClickDial's phone
// document and from the far end's page alike. What counts is what the other
// side decodes (framesDecoded growing) and what our page plays (videoWidth,
// currentTime advancing), not what the buttons say.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { FarEnd } from './harness/far-end.js';
import { openOptions, openPopup, waitForNoPopupCall, waitForPopupCallState } from './harness/clickdial.js';
import { setUpAccount, startPhoneLab, type PhoneLab } from './harness/phone-lab.js';
import { liveOffscreenCameras, openOffscreenCameras } from './harness/offscreen-rtp.js';
import { aorOf } from './harness/users.js';
import { axeViolations, formatViolation, type AxeViolation } from './harness/axe.js';
import { CALL_WINDOW_PAGE as CALL_WINDOW } from '../../src/shared/call-window.js';
import { waitFor } from './harness/wait.js';

let lab: PhoneLab;
let farEnd: FarEnd;
let popup: Page;
const ME = aorOf('1001');
/** What axe found in the states the tests went through (checked in a test of its own). */
const found: AxeViolation[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Frames the far end decoded from us over a window. */
async function framesFromUs(windowMs = 1500): Promise<number> {
  const before = (await farEnd.videoStats()).framesDecoded;
  await sleep(windowMs);
  return (await farEnd.videoStats()).framesDecoded - before;
}

/** Our page plays the far end's video: it has a size, and its clock moves. */
async function assertWePlayTheirVideo(page: Page = popup): Promise<void> {
  const video = page.locator('video.remote-video');
  await video.waitFor();
  await waitFor(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth > 0), { what: 'the far end’s video to have a size' });
  const t0 = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  await sleep(800);
  const t1 = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  assert.ok(t1 > t0, `the far end's video plays (currentTime ${t0} → ${t1})`);
}

/** The video section of the SDP the far end last got from us. */
async function ourVideoSection(): Promise<string> {
  const sdp = await farEnd.remoteSdp();
  return /^m=video[\s\S]*?(?=^m=|(?![\s\S]))/m.exec(sdp)?.[0] ?? '';
}

before(async () => {
  // Two fake cameras, to switch between (the last value of a Chromium switch wins).
  lab = await startPhoneLab({ extraArgs: ['--use-fake-device-for-media-stream=device-count=2'] });
  farEnd = lab.farEnd;
  await setUpAccount(lab);
  popup = await openPopup(lab.browser.context, lab.browser.extensionId);
});

// A test that failed half way leaves no call behind for the next one.
afterEach(async () => {
  for (const call of (await farEnd.state()).calls) {
    if (call.state !== 'Terminated') await farEnd.hangup(call.id).catch(() => undefined);
  }
  await waitForNoPopupCall(popup).catch(() => undefined);
});

after(() => lab?.stop());

describe('video calls', () => {
  test('a video call from the dialer: both sides decode the other’s camera; camera off stops our frames and the far end sees it', async () => {
    await farEnd.clearEvents();
    await farEnd.autoAnswer(true, true);
    await popup.getByLabel('Number or SIP address').fill('1002');
    await popup.getByRole('button', { name: 'Video call' }).click();
    await farEnd.waitForCallState('Established');
    await waitForPopupCallState(popup, 'In call');

    assert.match(await ourVideoSection(), /^m=video [1-9]/m, 'our offer has video');
    await waitFor(async () => (await farEnd.videoStats()).framesDecoded > 0, { what: 'the far end to decode our frames' });
    assert.ok((await framesFromUs()) > 5, 'our frames keep coming');
    await assertWePlayTheirVideo();
    await popup.getByRole('img', { name: 'Your camera' }).or(popup.locator('video.local-video')).first().waitFor();
    found.push(...(await axeViolations(popup, 'popup, video call')));

    assert.equal(await liveOffscreenCameras(lab.browser.context), 1, 'the camera is on');
    const [first] = await openOffscreenCameras(lab.browser.context);
    await popup.getByRole('button', { name: 'Switch camera' }).click();
    await waitFor(
      async () => {
        const open = await openOffscreenCameras(lab.browser.context);
        return open.length === 1 && open[0] !== first;
      },
      { what: `another camera than ${first} to be sent` },
    );
    // Chromium's second fake camera is a depth camera (Y16) that WebRTC does not encode, so
    // frames are checked once the switch has gone round to the first one again.
    await popup.getByRole('button', { name: 'Switch camera' }).click();
    await waitFor(async () => (await openOffscreenCameras(lab.browser.context)).join() === first, { what: `${first} to be sent again` });
    await waitFor(async () => (await framesFromUs(1000)) > 3, { what: 'frames at the far end after switching cameras' });

    const camera = popup.getByRole('button', { name: 'Camera', exact: true });
    assert.equal(await camera.getAttribute('aria-pressed'), 'true');
    await camera.click();
    await waitFor(async () => /^a=recvonly/m.test(await ourVideoSection()), { what: 'a re-INVITE offering our video recvonly' });
    await waitFor(async () => (await camera.getAttribute('aria-pressed')) === 'false', { what: 'the Camera button to show it off' });
    await popup.getByText('Your camera is off').waitFor();
    found.push(...(await axeViolations(popup, 'popup, video call with the camera off')));
    await waitFor(async () => (await liveOffscreenCameras(lab.browser.context)) === 0, { what: 'the camera (its light) to be off' });
    await sleep(500); // frames in flight
    assert.equal(await framesFromUs(), 0, 'no frames from us with the camera off');
    // The far end's video still comes to us.
    await assertWePlayTheirVideo();

    await camera.click();
    await waitFor(async () => /^a=sendrecv/m.test(await ourVideoSection()), { what: 'a re-INVITE offering our video sendrecv again' });
    await waitFor(async () => (await framesFromUs(1000)) > 3, { what: 'our frames again with the camera back on' });

    await popup.getByRole('button', { name: 'Hang up' }).click();
    await farEnd.waitForEvent('bye-received');
    await waitForNoPopupCall(popup);
    await farEnd.autoAnswer(false);
  });

  test('an incoming video call: "Answer with video" sends our camera and plays theirs', async () => {
    await farEnd.clearEvents();
    await farEnd.call(ME, { video: true });
    await waitForPopupCallState(popup, 'Incoming call');
    await popup.getByText('Video call', { exact: true }).waitFor();
    found.push(...(await axeViolations(popup, 'popup, incoming video call')));
    await popup.getByRole('button', { name: 'Answer with video' }).click();
    await farEnd.waitForCallState('Established');
    await waitFor(async () => (await farEnd.videoStats()).framesDecoded > 0, { what: 'the far end to decode our frames' });
    await assertWePlayTheirVideo();
    await farEnd.hangup();
    await waitForNoPopupCall(popup);
  });

  test('an incoming video call answered with "Answer" keeps our camera off until the user turns it on', async () => {
    await farEnd.clearEvents();
    await farEnd.call(ME, { video: true });
    await waitForPopupCallState(popup, 'Incoming call');
    await popup.getByRole('button', { name: 'Answer', exact: true }).click();
    await farEnd.waitForCallState('Established');
    await popup.getByText('Your camera is off').waitFor();
    await assertWePlayTheirVideo();
    await sleep(1000);
    assert.equal((await farEnd.videoStats()).framesDecoded, 0, 'no frames from us');

    await popup.getByRole('button', { name: 'Camera', exact: true }).click();
    await waitFor(async () => (await farEnd.videoStats()).framesDecoded > 0, { what: 'our frames once the camera is on' });
    await farEnd.hangup();
    await waitForNoPopupCall(popup);
  });

  test('a far end that refuses video (m=video 0) gets an audio call: no camera, no video in the card', async () => {
    await farEnd.clearEvents();
    await farEnd.setMedia({ rejectVideo: true });
    await farEnd.autoAnswer(true);
    try {
      await popup.getByLabel('Number or SIP address').fill('1002');
      await popup.getByRole('button', { name: 'Video call' }).click();
      await farEnd.waitForCallState('Established');
      await waitForPopupCallState(popup, 'In call');
      await waitFor(async () => (await popup.locator('.call-video').count()) === 0, { what: 'the card to show an audio call' });
      assert.equal(await popup.getByRole('button', { name: 'Camera', exact: true }).count(), 0);
      // Our camera is let go: the phone document holds no live video track.
      await waitFor(async () => (await liveOffscreenCameras(lab.browser.context)) === 0, { what: 'the camera to be let go' });
      await popup.getByRole('button', { name: 'Hang up' }).click();
      await farEnd.waitForEvent('bye-received');
      await waitForNoPopupCall(popup);
    } finally {
      await farEnd.setMedia({});
      await farEnd.autoAnswer(false);
    }
  });

  test('"Video call" on a contact in the address book places a video call to that number', async () => {
    await farEnd.clearEvents();
    await farEnd.autoAnswer(true, true);
    const options = await openOptions(lab.browser.context, lab.browser.extensionId);
    await options.getByLabel('Import contacts from a vCard or CSV file').setInputFiles({
      name: 'vic.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Vic Video\r\nTEL;TYPE=WORK:1002\r\nEND:VCARD\r\n'),
    });
    await options.getByRole('button', { name: /^Video call Vic Video at / }).click();
    await farEnd.waitForCallState('Established');
    assert.match(await ourVideoSection(), /^m=video [1-9]/m, 'a video offer');
    await waitFor(async () => (await farEnd.videoStats()).framesDecoded > 0, { what: 'the far end to decode our frames' });
    await options.close();
    await farEnd.hangup();
    await waitForNoPopupCall(popup);
    await farEnd.autoAnswer(false);
  });

  test('axe found nothing in the video call states, light and dark', () => {
    assert.equal(found.length, 0, `axe found ${found.length} violation(s):\n${found.map(formatViolation).join('\n')}`);
  });

  // Last: "Pop out" closes the popup.
  test('popped out into the call window, the video call plays there: their picture and our preview', async () => {
    await farEnd.clearEvents();
    await farEnd.call(ME, { video: true });
    await waitForPopupCallState(popup, 'Incoming call');
    await popup.getByRole('button', { name: 'Answer with video' }).click();
    await farEnd.waitForCallState('Established');
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Pop out' }).click();
    const url = `chrome-extension://${lab.browser.extensionId}/${CALL_WINDOW}`;
    const window = await waitFor(() => lab.browser.context.pages().find((p) => p.url().startsWith(url) && !p.isClosed()), {
      what: 'the call window',
    });
    await closed;
    await assertWePlayTheirVideo(window);
    const preview = window.locator('video.local-video');
    await waitFor(() => preview.evaluate((v: HTMLVideoElement) => v.videoWidth > 0), { what: 'our preview to show the camera' });
    // The media stayed in the phone document: closing the window ends nothing.
    await window.close();
    await sleep(1000);
    assert.ok((await framesFromUs()) > 5, 'our frames go on with the window closed');
    await farEnd.hangup();
  });
});

describe('video calls without the camera allowed', () => {
  let blocked: PhoneLab;
  before(async () => {
    blocked = await startPhoneLab({ cameraGranted: false });
    await setUpAccount(blocked);
  });
  after(() => blocked?.stop());

  test('"Video call" says what to do and sends no INVITE; "Allow camera" opens the camera setup; an audio call still works', async () => {
    const page = await openPopup(blocked.browser.context, blocked.browser.extensionId);
    await page.getByLabel('Number or SIP address').fill('1002');
    await page.getByRole('button', { name: 'Video call' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /may not use the camera/ })
      .waitFor();
    await sleep(1000);
    assert.equal((await blocked.farEnd.state()).events.filter((e) => e.type === 'invite').length, 0, 'no INVITE');

    const tab = blocked.browser.context.waitForEvent('page');
    await page.getByRole('button', { name: 'Allow camera' }).click();
    const onboarding = await tab;
    await onboarding.getByRole('heading', { name: 'Allow ClickDial to use your camera' }).waitFor();
    await onboarding.close();

    await blocked.farEnd.autoAnswer(true);
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await blocked.farEnd.waitForCallState('Established');
    await page.getByRole('button', { name: 'Hang up' }).click();
    await blocked.farEnd.waitForEvent('bye-received');
  });
});
