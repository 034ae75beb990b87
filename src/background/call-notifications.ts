// Incoming-call and missed-call notifications, kept in step with the phone.
// Stateless: each snapshot is compared with the notifications Chrome shows.
//
//   call rings --> "Incoming call" [Answer] [Decline]   (stays)
//   answered / declined / cancelled / ended --> cleared
//   ended unanswered ("missed") --> "Missed call"; click calls back
//   text message received --> "Message from X"; click opens the popup
import type { EndedCall, PhoneSnapshot, ReceivedMessage } from '../shared/snapshot';
import { errorMessage } from '../shared/protocol';
import { isWaiting, ringingCalls } from '../shared/call-selectors';
import {
  MESSAGE_PREFIX,
  MISSED_PREFIX,
  RING_PREFIX,
  ringId,
  showError,
  showIncoming,
  showMessage,
  showMissed,
  uriOfMissed,
} from './notify';
import { toPhone } from './router';
import { loadAccount } from './account-store';
import { callBackTarget } from '../shared/call-back';

export async function syncIncomingNotifications(snapshot: PhoneSnapshot): Promise<void> {
  const ringing = ringingCalls(snapshot.calls);
  const wanted = new Set(ringing.map((c) => ringId(c.id)));
  const shown = Object.keys(await chrome.notifications.getAll());
  await Promise.all([
    ...shown.filter((id) => id.startsWith(RING_PREFIX) && !wanted.has(id)).map((id) => chrome.notifications.clear(id)),
    ...ringing.filter((c) => !shown.includes(ringId(c.id))).map((c) => showIncoming(c, isWaiting(c, snapshot.calls))),
  ]);
}

export async function notifyMessage(message: ReceivedMessage): Promise<void> {
  await showMessage(message);
}

export async function notifyCallEnded(ended: EndedCall): Promise<void> {
  if (ended.outcome === 'missed') await showMissed(ended);
}

/** Calls back the caller of a missed call: on our own account, never at a host the caller named (call-back.ts). */
async function callBack(uri: string): Promise<void> {
  const { account } = await loadAccount();
  const user = /^sips?:([^@;?]+)@/i.exec(uri)?.[1] ?? '';
  let decoded = user;
  try {
    decoded = decodeURIComponent(user);
  } catch {
    // Left as written: the dialler refuses what is not a number.
  }
  const target = callBackTarget({ uri, user: decoded }, account?.aor);
  if (!target) throw new Error(`${uri} cannot be called back.`);
  await toPhone('phone.call', { target });
}

async function act(action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    await showError(errorMessage(error));
  }
}

export function registerNotificationHandlers(): void {
  chrome.notifications.onButtonClicked.addListener((id, button) => {
    if (!id.startsWith(RING_PREFIX)) return;
    const callId = id.slice(RING_PREFIX.length);
    void act(() => (button === 0 ? toPhone('phone.answer', { callId }) : toPhone('phone.decline', { callId })));
  });
  chrome.notifications.onClicked.addListener((id) => {
    if (id.startsWith(MESSAGE_PREFIX)) {
      void chrome.notifications.clear(id);
      // Opens the popup where the conversation is (Chrome may refuse without a focused window).
      void chrome.action.openPopup().catch(() => undefined);
      return;
    }
    if (!id.startsWith(MISSED_PREFIX)) return;
    const uri = uriOfMissed(id);
    void chrome.notifications.clear(id);
    if (uri) void act(() => callBack(uri));
  });
}
