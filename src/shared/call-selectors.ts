// The questions every surface asks of the phone's calls, answered once: the
// popup, the toolbar, the ringer, notifications, shortcuts and history all
// use these (they used to have three definitions of "the active call", which
// disagreed when two calls were off hold).
import type { CallSnapshot, RemoteParty } from './snapshot';

const oldestFirst = (a: CallSnapshot, b: CallSnapshot): number => a.createdAt - b.createdAt;

/** Incoming calls ringing here, the oldest first (the one a shortcut answers). */
export function ringingCalls(calls: readonly CallSnapshot[]): CallSnapshot[] {
  return calls.filter((c) => c.direction === 'incoming' && c.state === 'ringing').sort(oldestFirst);
}

/** Calls that are answered or being answered (talking or on hold). */
export function connectedCalls(calls: readonly CallSnapshot[]): CallSnapshot[] {
  return calls.filter((c) => c.state === 'active' || c.state === 'connecting');
}

/** A ringing call that comes in during another call: call waiting. */
export function isWaiting(call: CallSnapshot, calls: readonly CallSnapshot[]): boolean {
  return call.direction === 'incoming' && call.state === 'ringing' && calls.some((c) => c.id !== call.id && c.state === 'active');
}

/**
 * The call the user is talking on: of the answered calls off hold, the one
 * answered last (switching to a call holds the others, so normally there is
 * one); else a call being answered; else the newest outgoing attempt.
 */
export function activeCall(calls: readonly CallSnapshot[]): CallSnapshot | undefined {
  const talking = calls.filter((c) => c.state === 'active' && !c.held);
  if (talking.length > 0) return talking.reduce((a, b) => ((b.answeredAt ?? b.createdAt) >= (a.answeredAt ?? a.createdAt) ? b : a));
  return (
    calls.find((c) => c.state === 'connecting') ??
    calls
      .filter((c) => c.direction === 'outgoing' && (c.state === 'dialing' || c.state === 'ringing'))
      .sort(oldestFirst)
      .at(-1)
  );
}

export type HangUpTarget = { action: 'hangup' | 'decline'; call: CallSnapshot } | undefined;

/** Hang up the active call; with none, decline the oldest ringing one. */
export function hangUpTarget(calls: readonly CallSnapshot[]): HangUpTarget {
  const active = activeCall(calls);
  if (active) return { action: 'hangup', call: active };
  const ringing = ringingCalls(calls)[0];
  return ringing ? { action: 'decline', call: ringing } : undefined;
}

/** The other party in a sentence ("… transferred Bob to you"): the display name alone when there is one. */
export function shortPartyName(party: RemoteParty): string {
  return party.displayName ?? party.user;
}
