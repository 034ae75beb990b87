// Watches the phone document through its port (offscreen/worker-link.ts).
// Chrome closes offscreen documents without an event; the port's disconnect
// is the one sign, and it comes at once. When the document is really gone
// (not just this worker restarting), its calls are filed as lost and the
// phone is recreated straight away, so incoming calls keep ringing.
//
//   connected ──liveCalls──▶ connected (kept in storage)
//   connected ──port closed──▶ document still there? ──yes──▶ (it reconnects by itself)
//                                                    └─no──▶ calls filed as lost ──▶ phone recreated
import browser from 'webextension-polyfill';
import { PHONE_PORT, parsePhoneLinkMessage, type LiveCall } from '../shared/live-calls';
import { lostCallEnded, phoneLost, rememberLiveCalls } from './live-calls';
import { offscreenDocumentUrl, phoneDocumentExists, phonePortChanged } from './offscreen-document';
import type { EndedCall } from '../shared/snapshot';

export interface PhoneWatchActions {
  /** Files a lost call (history, notification). */
  fileLost(call: EndedCall): Promise<void>;
  /** Brings the phone back (when there are accounts). */
  restart(): Promise<void>;
}

/** A closing document may still be listed for a moment: asked a few times before it counts as gone. */
async function stillThere(): Promise<boolean> {
  for (let i = 0; i < 3; i += 1) {
    if (!(await phoneDocumentExists())) return false;
    await new Promise((r) => setTimeout(r, 150));
  }
  return true;
}

async function file(calls: LiveCall[], actions: PhoneWatchActions): Promise<void> {
  await Promise.all(calls.map((call) => actions.fileLost(lostCallEnded(call)).catch(() => undefined)));
}

/** Registered once at the top level of the service worker. */
export function watchPhone(actions: PhoneWatchActions): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PHONE_PORT) return;
    if (port.sender?.url !== offscreenDocumentUrl()) {
      port.disconnect();
      return;
    }
    phonePortChanged(1);
    port.onMessage.addListener((message: unknown) => {
      const parsed = parsePhoneLinkMessage(message);
      if (parsed?.type !== 'liveCalls') return;
      void rememberLiveCalls(parsed.phoneId, parsed.calls).then((orphaned) => file(orphaned, actions));
    });
    port.onDisconnect.addListener(() => {
      phonePortChanged(-1);
      void (async () => {
        if (await stillThere()) return;
        await file(await phoneLost(), actions);
        await actions.restart();
      })().catch((error: unknown) => console.error('ClickDial: bringing the phone back failed', error));
    });
  });
}
