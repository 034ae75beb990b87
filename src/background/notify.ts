// Desktop notifications the worker shows. Their ids carry everything a click
// needs (the worker may have been stopped and restarted in between).
import { partyName, remoteName } from '../shared/describe-state';
import type { CallSnapshot, EndedCall, ReceivedMessage } from '../shared/snapshot';
import { formatTime, t } from '../shared/i18n';
import { say } from '../shared/words';
import { receivedText } from '../shared/conversations';

export const RING_PREFIX = 'ring:';
export const MISSED_PREFIX = 'missed:';
export const MESSAGE_PREFIX = 'message:';
const ERROR_ID = 'error';
const ICON = 'icons/icon-128.png';

export function ringId(callId: string): string {
  return RING_PREFIX + callId;
}

// Account ids are [A-Za-z0-9_-] (stored-accounts.ts): no colon, so the id splits cleanly.
export function missedId(ended: EndedCall): string {
  return `${MISSED_PREFIX}${ended.endedAt}:${ended.call.accountId}:${ended.call.remote.uri}`;
}

/** The URI to call back from a missed-call notification id, and the account the call came in on. */
export function missedCaller(id: string): { uri: string; accountId: string } | undefined {
  const m = /^missed:\d+:([A-Za-z0-9_-]+):(sips?:.+)$/.exec(id);
  return m ? { accountId: m[1]!, uri: m[2]! } : undefined;
}

/** `line`: the account it rings on, named when the user has several. */
export function showIncoming(call: CallSnapshot, waiting: boolean, line?: string): Promise<string> {
  return chrome.notifications.create(ringId(call.id), {
    type: 'basic',
    iconUrl: chrome.runtime.getURL(ICON),
    title: waiting ? t('notify_waiting') : t('notify_incoming'),
    message: remoteName(call),
    contextMessage: line === undefined ? call.remote.uri : t('notify_to_line', { uri: call.remote.uri, line }),
    buttons: [{ title: t('notify_answer') }, { title: t('notify_decline') }],
    // Stays until the user acts or the call stops ringing.
    requireInteraction: true,
    priority: 2,
  });
}

export function showMissed(ended: EndedCall, line?: string): Promise<string> {
  return chrome.notifications.create(missedId(ended), {
    type: 'basic',
    iconUrl: chrome.runtime.getURL(ICON),
    // An incoming call whose media could not be set up never rang: it is said why.
    title: ended.outcome === 'failed' ? t('notify_not_connected') : t('notify_missed'),
    message:
      ended.reason === undefined
        ? remoteName(ended.call)
        : t('notify_name_reason', { name: remoteName(ended.call), reason: say(ended.reason) }),
    contextMessage: t('notify_call_back', { when: whenOn(ended, line) }),
    requireInteraction: true,
  });
}

/** "10:42 on 1001@pbx.example": when a call ended, and on which line when there are several. */
function whenOn(ended: EndedCall, line: string | undefined): string {
  const time = formatTime(ended.endedAt);
  return line === undefined ? time : t('notify_when_on_line', { time, line });
}

/** Our call that failed (busy, not found, declined, media), said when no ClickDial window shows it. */
export function showCallFailed(ended: EndedCall, line?: string): Promise<string> {
  return chrome.notifications.create(`failed:${ended.call.id}`, {
    type: 'basic',
    iconUrl: chrome.runtime.getURL(ICON),
    title: t('notify_call_failed', { name: remoteName(ended.call) }),
    message: ended.reason ? say(ended.reason) : t('notify_call_not_made'),
    contextMessage: whenOn(ended, line),
  });
}

export function showMessage(message: ReceivedMessage, line?: string): Promise<string> {
  const from = partyName(message.from);
  const body = receivedText(message);
  return chrome.notifications.create(`${MESSAGE_PREFIX}${message.at}:${message.from.uri}`, {
    type: 'basic',
    iconUrl: chrome.runtime.getURL(ICON),
    title: t('notify_message_from', { name: from }),
    message: body.length > 200 ? `${body.slice(0, 200)}…` : body,
    contextMessage: line === undefined ? t('notify_click_to_open') : t('notify_to_line_open', { line }),
  });
}

/** Says what went wrong with an action taken outside the popup (shortcut, notification). */
export function showError(message: string): Promise<string> {
  return chrome.notifications.create(ERROR_ID, {
    type: 'basic',
    iconUrl: chrome.runtime.getURL(ICON),
    title: t('extension_name'),
    message,
  });
}
