// Incoming-call and missed-call notifications, kept in step with the phone.
// Stateless: each snapshot is compared with the notifications Chrome shows.
//
//   call rings --> "Incoming call" [Answer] [Decline]   (stays)
//   answered / declined / cancelled / ended --> cleared
//   ended unanswered ("missed") --> "Missed call"; click calls back
//   incoming, its media unusable (refused 488) --> "Call could not be connected", why; click calls back
//   text message received --> "Message from X"; click opens the popup
import type { EndedCall, PhoneSnapshot, ReceivedMessage } from '../shared/snapshot';
import { errorMessage } from '../shared/protocol';
import { isWaiting, ringingCalls } from '../shared/call-selectors';
import { remoteName } from '../shared/describe-state';
import {
  MESSAGE_PREFIX,
  MISSED_PREFIX,
  RING_PREFIX,
  ringId,
  showCallFailed,
  showError,
  showIncoming,
  showMessage,
  showMissed,
  missedCaller,
} from './notify';
import { toPhone } from './router';
import { loadAccounts } from './account-store';
import { callBackTarget } from '../shared/call-back';
import { accountLabel, lineName } from '../shared/account-selectors';
import { defaultAccount } from '../shared/stored-accounts';
import { t } from '../shared/i18n';
import { showCallWindow } from './call-window';
import { CALL_WINDOW_PAGE } from '../shared/call-window';
import { refreshContactDirectory } from './contact-directory';
import { say } from '../shared/words';

export async function syncIncomingNotifications(snapshot: PhoneSnapshot): Promise<void> {
  const ringing = ringingCalls(snapshot.calls);
  const wanted = new Set(ringing.map((c) => ringId(c.id)));
  const shown = Object.keys(await chrome.notifications.getAll());
  if (ringing.some((c) => !shown.includes(ringId(c.id)))) await refreshContactDirectory().catch(() => undefined);
  await Promise.all([
    ...shown.filter((id) => id.startsWith(RING_PREFIX) && !wanted.has(id)).map((id) => chrome.notifications.clear(id)),
    ...ringing
      .filter((c) => !shown.includes(ringId(c.id)))
      .map((c) => showIncoming(c, isWaiting(c, snapshot.calls), lineName(snapshot, c.accountId))),
  ]);
}

/** Whether the popup (toolbar or a tab showing it) or the call window is open: it shows the phone's notice itself. */
async function popupIsOpen(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    documentUrls: [chrome.runtime.getURL('src/popup/popup.html'), chrome.runtime.getURL(CALL_WINDOW_PAGE)],
  });
  return contexts.length > 0;
}

/** The account's address to name in a notification, when the user has several accounts. */
async function storedLineName(accountId: string): Promise<string | undefined> {
  const { accounts } = await loadAccounts();
  const aor = accounts.find((a) => a.id === accountId)?.account.aor;
  return accounts.length > 1 && aor !== undefined ? accountLabel(aor) : undefined;
}

export async function notifyMessage(message: ReceivedMessage): Promise<void> {
  await showMessage(message, await storedLineName(message.accountId));
}

export async function notifyCallEnded(ended: EndedCall): Promise<void> {
  await refreshContactDirectory().catch(() => undefined);
  const failedIncoming = ended.outcome === 'failed' && ended.call.direction === 'incoming' && ended.call.answeredAt === undefined;
  if (ended.outcome === 'missed' || failedIncoming) await showMissed(ended, await storedLineName(ended.call.accountId));
  // A call started from a page, a shortcut or the menu has no window to say why it failed: a notification does.
  if (ended.outcome === 'failed' && ended.call.direction === 'outgoing' && !(await popupIsOpen())) {
    await showCallFailed(ended, await storedLineName(ended.call.accountId));
  }
  // Cut off on our side: never silently.
  if (ended.outcome === 'dropped') {
    const name = remoteName(ended.call);
    await showError(ended.reason ? t('notify_dropped_why', { name, reason: say(ended.reason) }) : t('notify_dropped', { name }));
  }
}

/**
 * Calls back the caller of a missed call: on the account the call came in on
 * (the default one if it was removed), never at a host the caller named (call-back.ts).
 */
async function callBack({ uri, accountId }: { uri: string; accountId: string }): Promise<void> {
  const stored = await loadAccounts();
  const chosen = stored.accounts.find((a) => a.id === accountId) ?? defaultAccount(stored);
  const account = chosen?.account;
  const user = /^sips?:([^@;?]+)@/i.exec(uri)?.[1] ?? '';
  let decoded = user;
  try {
    decoded = decodeURIComponent(user);
  } catch {
    // Left as written: the dialler refuses what is not a number.
  }
  const target = callBackTarget({ uri, user: decoded }, account?.aor);
  if (!target) throw new Error(t('notify_cannot_call_back', { uri }));
  const dialled = toPhone('phone.call', { target, ...(chosen ? { accountId: chosen.id } : {}) });
  void showCallWindow('action');
  await dialled;
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
    // Answered from the notification: the call window (open since it rang, unless closed) comes forward.
    if (button === 0) void showCallWindow('action');
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
    const caller = missedCaller(id);
    void chrome.notifications.clear(id);
    if (caller) void act(() => callBack(caller));
  });
}
