// The worker's record of the phone's live calls (storage.local 'liveCalls',
// trusted contexts only: it holds dialog identifiers). The phone sends them
// over its port; when its document dies, they become lost calls: filed in the
// history as dropped, announced, and handed to the next phone document so it
// can end them at the far end (BYE, or CANCEL for an outgoing call still ringing).
//
//   calls(phone A) ──A's document gone, or a phone B says hello──▶ lost ──B asks for its config──▶ taken (B sends the BYEs)
import browser from 'webextension-polyfill';
import { LIVE_CALLS, type LiveCall, type StoredLiveCalls } from '../shared/live-calls';
import { readStored } from '../shared/stored-schema';
import type { CallSnapshot, EndedCall } from '../shared/snapshot';
import { serialized } from './serialized';
import { words } from '../shared/words';

const queue = serialized();

/** Said in the history and the notification of a call that died with the phone document. */
export const LOST_WITH_PHONE = words('call_lost_with_phone');

async function load(): Promise<StoredLiveCalls> {
  const stored = await browser.storage.local.get([LIVE_CALLS.key]);
  return readStored(LIVE_CALLS, stored).value;
}

function save(value: StoredLiveCalls): Promise<void> {
  return browser.storage.local.set({ [LIVE_CALLS.key]: value });
}

/**
 * The phone `phoneId` has these calls now. Returns the calls of an earlier
 * phone that this one replaced without the worker hearing of its end.
 */
export function rememberLiveCalls(phoneId: string, calls: LiveCall[]): Promise<LiveCall[]> {
  return queue(async () => {
    const stored = await load();
    const orphaned = stored.phoneId !== undefined && stored.phoneId !== phoneId ? stored.calls : [];
    await save({ version: 1, phoneId, calls, lost: [...stored.lost, ...orphaned] });
    return orphaned;
  });
}

/** The phone document is gone: its calls are lost. Returns them. */
export function phoneLost(): Promise<LiveCall[]> {
  return queue(async () => {
    const stored = await load();
    await save({ version: 1, calls: [], lost: [...stored.lost, ...stored.calls] });
    return stored.calls;
  });
}

/** For a new phone's configuration: the lost calls it should end, handed over once. */
export function takeLostCalls(): Promise<LiveCall[]> {
  return queue(async () => {
    const stored = await load();
    if (stored.lost.length === 0) return [];
    await save({ ...stored, lost: [] });
    return stored.lost;
  });
}

/** A lost call as an ended one, for the history and the notification. */
export function lostCallEnded(call: LiveCall, endedAt: number = Date.now()): EndedCall {
  const snapshot: CallSnapshot = {
    id: call.id,
    accountId: call.accountId,
    direction: call.direction,
    remote: call.remote,
    state: 'ended',
    createdAt: call.createdAt,
    ...(call.answeredAt !== undefined ? { answeredAt: call.answeredAt } : {}),
    held: false,
    muted: false,
    earlyMedia: false,
    remoteHold: false,
  };
  // A call that was still ringing here was missed; any other was cut off.
  const outcome = call.direction === 'incoming' && call.answeredAt === undefined ? 'missed' : 'dropped';
  return { call: snapshot, outcome, endedAt, reason: LOST_WITH_PHONE };
}
