// Desktop notifications the worker shows. Their ids carry everything a click
// needs (the worker may have been stopped and restarted in between).
import { remoteName } from '../shared/describe-state';
import type { CallSnapshot, EndedCall } from '../shared/snapshot';

export const RING_PREFIX = 'ring:';
export const MISSED_PREFIX = 'missed:';
const ERROR_ID = 'error';
const ICON = 'icons/icon-128.png';

export function ringId(callId: string): string {
  return RING_PREFIX + callId;
}

export function missedId(ended: EndedCall): string {
  return `${MISSED_PREFIX}${ended.endedAt}:${ended.call.remote.uri}`;
}

/** The URI to call back from a missed-call notification id. */
export function uriOfMissed(id: string): string | undefined {
  const m = /^missed:\d+:(sips?:.+)$/.exec(id);
  return m?.[1];
}

export function showIncoming(call: CallSnapshot, waiting: boolean): Promise<string> {
  return chrome.notifications.create(ringId(call.id), {
    type: 'basic',
    iconUrl: chrome.runtime.getURL(ICON),
    title: waiting ? 'Call waiting' : 'Incoming call',
    message: remoteName(call),
    contextMessage: call.remote.uri,
    buttons: [{ title: 'Answer' }, { title: 'Decline' }],
    // Stays until the user acts or the call stops ringing.
    requireInteraction: true,
    priority: 2,
  });
}

export function showMissed(ended: EndedCall): Promise<string> {
  return chrome.notifications.create(missedId(ended), {
    type: 'basic',
    iconUrl: chrome.runtime.getURL(ICON),
    title: 'Missed call',
    message: remoteName(ended.call),
    contextMessage: `${new Date(ended.endedAt).toLocaleTimeString()}: click to call back`,
    requireInteraction: true,
  });
}

/** Says what went wrong with an action taken outside the popup (shortcut, notification). */
export function showError(message: string): Promise<string> {
  return chrome.notifications.create(ERROR_ID, {
    type: 'basic',
    iconUrl: chrome.runtime.getURL(ICON),
    title: 'ClickDial',
    message,
  });
}
