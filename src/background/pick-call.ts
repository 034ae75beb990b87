import type { CallSnapshot } from '../shared/snapshot';

// Which call a keyboard shortcut or notification acts on, decided from a
// fresh snapshot (the worker keeps no call state of its own).

const oldestFirst = (a: CallSnapshot, b: CallSnapshot) => a.createdAt - b.createdAt;

export function ringingIncoming(calls: CallSnapshot[]): CallSnapshot[] {
  return calls.filter((c) => c.direction === 'incoming' && c.state === 'ringing').sort(oldestFirst);
}

/** The call the user is talking on: answered and not on hold, else one being answered, else an outgoing attempt. */
export function activeCall(calls: CallSnapshot[]): CallSnapshot | undefined {
  return (
    calls.find((c) => c.state === 'active' && !c.held) ??
    calls.find((c) => c.state === 'connecting') ??
    calls.find((c) => c.direction === 'outgoing' && (c.state === 'dialing' || c.state === 'ringing'))
  );
}

export type HangUpTarget = { action: 'hangup' | 'decline'; call: CallSnapshot } | undefined;

/** Hang up the active call; with none, decline the oldest ringing one. */
export function hangUpTarget(calls: CallSnapshot[]): HangUpTarget {
  const active = activeCall(calls);
  if (active) return { action: 'hangup', call: active };
  const ringing = ringingIncoming(calls)[0];
  return ringing ? { action: 'decline', call: ringing } : undefined;
}
