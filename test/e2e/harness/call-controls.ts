// Helpers for the call-control e2e tests: the popup's call cards as a user
// sees them, and our side's media in the offscreen document (reached through
// the debugger; nothing test-only ships in the extension).
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { openPopup, waitForRegistration } from './clickdial.js';
import { offscreenEvaluate, onOffscreenObjects } from './extension-cdp.js';
import type { FarEnd } from './far-end.js';
import { setUpAccount, startPhoneLab, type PhoneLab, type PhoneLabOptions } from './phone-lab.js';
import type { UserId } from './users.js';
import { waitFor } from './wait.js';

/** The call card with `who` (a number or name) as its party; notes on other cards may name it too. */
export function card(popup: Page, who: string): Locator {
  return popup.locator('article.call').filter({ has: popup.locator('.call-name', { hasText: who }) });
}

export async function cardState(popup: Page, who: string): Promise<string> {
  return (
    (await card(popup, who)
      .locator('.call-state')
      .textContent({ timeout: 2000 })
      .catch(() => '')) ?? ''
  );
}

export async function waitForCardState(popup: Page, who: string, state: string, timeoutMs = 10_000): Promise<void> {
  await waitFor(async () => (await cardState(popup, who)) === state, {
    timeoutMs,
    what: `the call with ${who} to be "${state}" (now "${await cardState(popup, who)}"; popup says: ${await popupAlerts(popup)})`,
  });
}

/** Errors and notices on the popup, to explain a failed wait. */
export async function popupAlerts(popup: Page): Promise<string> {
  const texts = await popup
    .locator('[role=alert], [role=status], .call-note')
    .allTextContents()
    .catch(() => []);
  return JSON.stringify(texts);
}

/** Received audio energy summed over our open calls (diff two readings for a window). */
export async function offscreenInboundEnergy(context: BrowserContext): Promise<number> {
  return onOffscreenObjects<number>(
    context,
    'RTCPeerConnection',
    `async function () {
      let energy = 0;
      for (const pc of this) {
        if (pc.connectionState === 'closed' || pc.signalingState === 'closed') continue;
        (await pc.getStats()).forEach((r) => { if (r.type === 'inbound-rtp' && r.kind === 'audio') energy += r.totalAudioEnergy || 0; });
      }
      return energy;
    }`,
  );
}

export async function offscreenEnergyOver(context: BrowserContext, windowMs: number): Promise<number> {
  const before = await offscreenInboundEnergy(context);
  await new Promise((r) => setTimeout(r, windowMs));
  return (await offscreenInboundEnergy(context)) - before;
}

/**
 * Records the tones every audio RTCDTMFSender actually plays ('tonechange'),
 * into a list on the offscreen window read by dtmfTonesPlayed().
 */
export async function recordDtmfTones(context: BrowserContext): Promise<number> {
  return onOffscreenObjects<number>(
    context,
    'RTCRtpSender',
    `function () {
      const log = (globalThis.__e2eTones ??= []);
      let watched = 0;
      for (const sender of this) {
        if (!sender.track || sender.track.kind !== 'audio' || !sender.dtmf || sender.dtmf.__e2e) continue;
        sender.dtmf.__e2e = true;
        sender.dtmf.addEventListener('tonechange', (e) => { if (e.tone) log.push(e.tone); });
        watched += 1;
      }
      return watched;
    }`,
  );
}

export async function dtmfTonesPlayed(context: BrowserContext): Promise<string> {
  return offscreenEvaluate(context, () => ((globalThis as unknown as { __e2eTones?: string[] }).__e2eTones ?? []).join(''));
}

/** The per-call <audio> elements of the phone: which call, speaker, and whether it still has live audio. */
export async function offscreenAudioElements(context: BrowserContext): Promise<{ callId: string; sinkId: string; live: boolean }[]> {
  return offscreenEvaluate(context, () =>
    [...document.querySelectorAll<HTMLAudioElement>('audio[data-call-id]')].map((a) => ({
      callId: a.dataset.callId ?? '',
      sinkId: a.sinkId,
      live: a.srcObject instanceof MediaStream && a.srcObject.getAudioTracks().some((t) => t.readyState === 'live') && !a.paused,
    })),
  );
}

export interface Rig extends PhoneLab {
  popup: Page;
}

/** Kamailio, ClickDial signed in as 1001 through its options page, far ends registered, the popup open. */
export async function startRig(farUsers: [UserId, ...UserId[]], options: Omit<PhoneLabOptions, 'farEnds'> = {}): Promise<Rig> {
  const lab = await startPhoneLab({ ...options, farEnds: farUsers });
  await setUpAccount(lab);
  const popup = await openPopup(lab.browser.context, lab.browser.extensionId);
  await waitForRegistration(popup, 'Registered');
  return { ...lab, popup };
}

/** The far end hears us (fake microphone beeps): received energy over 300 ms. */
export async function waitForHearing(farEnd: FarEnd, what: string, callId?: string): Promise<void> {
  await waitFor(async () => (await farEnd.receivedAudioEnergy(300, callId)) > 0.01, { what, timeoutMs: 8000 });
}

export async function waitForSilence(farEnd: FarEnd, what: string, callId?: string): Promise<void> {
  await waitFor(async () => (await farEnd.receivedAudioEnergy(300, callId)) < 1e-4, { what, timeoutMs: 8000 });
}

/** Types a target into the popup's dial pad and presses Call. */
export async function dial(popup: Page, target: string): Promise<void> {
  const input = popup.getByLabel('Number or SIP address');
  if (!(await input.isVisible())) await popup.getByRole('button', { name: 'New call' }).click();
  await input.fill(target);
  await popup.getByRole('button', { name: 'Call', exact: true }).click();
}
