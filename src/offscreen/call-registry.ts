// The calls the phone knows, keyed by SIP.js session id, each with the part of
// its state that SIP.js does not keep for us (direction, ringing, times).
//
// The states and their moves are the table in shared/call-table.ts; a call
// is removed from here when it ends. remoteHold follows the far end's re-INVITEs.
import type { Session } from 'sip.js';
import { nextState, type CallEvent } from '../shared/call-table';
import type { CallDirection, CallOutcome, CallSnapshot, EndedCall } from '../shared/snapshot';
import { ClickDialError } from '../shared/protocol';

interface TrackedCall {
  session: Session;
  call: CallSnapshot;
  /** What we learnt about the end before SIP.js reported it. */
  ending?: CallOutcome;
}

export class CallRegistry {
  private readonly calls = new Map<string, TrackedCall>();

  add(session: Session, direction: CallDirection, now = Date.now()): CallSnapshot {
    const identity = session.remoteIdentity;
    const call: CallSnapshot = {
      id: session.id,
      direction,
      remote: {
        uri: identity.uri.toString(),
        user: identity.uri.user ?? identity.uri.host,
        ...(identity.displayName ? { displayName: identity.displayName } : {}),
      },
      state: direction === 'incoming' ? 'ringing' : 'dialing',
      createdAt: now,
      held: false,
      muted: false,
      earlyMedia: false,
      remoteHold: false,
    };
    this.calls.set(session.id, { session, call });
    return call;
  }

  has(id: string): boolean {
    return this.calls.has(id);
  }

  session(id: string): Session {
    const tracked = this.calls.get(id);
    if (!tracked) throw new ClickDialError('That call has already ended.', 'no-such-call');
    return tracked.session;
  }

  call(id: string): CallSnapshot | undefined {
    return this.calls.get(id)?.call;
  }

  /** Moves a call as the transition table (shared/call-table.ts) says; a move it does not list changes nothing. */
  apply(id: string, event: CallEvent, now = Date.now()): void {
    const tracked = this.calls.get(id);
    if (!tracked) return;
    const state = nextState(tracked.call.state, event);
    if (!state) return;
    tracked.call.state = state;
    if (state === 'active' && tracked.call.answeredAt === undefined) tracked.call.answeredAt = now;
  }

  /** Remembers why a call is about to end (declined here, cancelled, failed). */
  markEnding(id: string, outcome: CallOutcome): void {
    const tracked = this.calls.get(id);
    if (tracked && tracked.ending === undefined) tracked.ending = outcome;
  }

  patch(
    id: string,
    patch: Partial<
      Pick<CallSnapshot, 'held' | 'muted' | 'earlyMedia' | 'remoteHold' | 'transfer' | 'consultFor' | 'referredTo' | 'referredBy'>
    >,
  ): void {
    const tracked = this.calls.get(id);
    if (!tracked) return;
    Object.assign(tracked.call, patch);
    // An explicit undefined clears the field (a transfer that is over).
    for (const [key, value] of Object.entries(patch))
      if (value === undefined) delete (tracked.call as unknown as Record<string, unknown>)[key];
  }

  count(): number {
    return this.calls.size;
  }

  ids(): string[] {
    return [...this.calls.keys()];
  }

  /** Forgets the call and says how it ended. */
  remove(id: string, now = Date.now()): EndedCall | undefined {
    const tracked = this.calls.get(id);
    if (!tracked) return undefined;
    this.calls.delete(id);
    const { call, ending } = tracked;
    let outcome: CallOutcome;
    if (call.answeredAt !== undefined) outcome = 'completed';
    else if (ending) outcome = ending;
    else outcome = call.direction === 'incoming' ? 'missed' : 'cancelled';
    return { call: { ...call, state: 'ended' }, outcome, endedAt: now };
  }

  sessions(): Session[] {
    return [...this.calls.values()].map((t) => t.session);
  }

  snapshots(): CallSnapshot[] {
    return [...this.calls.values()].map((t) => ({ ...t.call, remote: { ...t.call.remote } }));
  }
}
