// The calls the phone knows, keyed by SIP.js session id, each with the part of
// its state that SIP.js does not keep for us (direction, ringing, times).
//
//   outgoing: dialing --180/183--> ringing --2xx--> active --BYE/hangup--> (removed)
//   incoming: ringing --answer--> active --BYE/hangup--> (removed)
//             ringing --decline/cancel--> (removed)
import type { Session } from 'sip.js';
import type { CallDirection, CallSnapshot, CallState } from '../shared/snapshot';
import { ClickDialError } from '../shared/protocol';

interface TrackedCall {
  session: Session;
  call: CallSnapshot;
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

  setState(id: string, state: CallState, now = Date.now()): void {
    const tracked = this.calls.get(id);
    if (!tracked) return;
    tracked.call.state = state;
    if (state === 'active' && tracked.call.answeredAt === undefined) tracked.call.answeredAt = now;
  }

  patch(id: string, patch: Partial<Pick<CallSnapshot, 'held' | 'muted'>>): void {
    const tracked = this.calls.get(id);
    if (tracked) Object.assign(tracked.call, patch);
  }

  remove(id: string): CallSnapshot | undefined {
    const tracked = this.calls.get(id);
    this.calls.delete(id);
    return tracked?.call;
  }

  sessions(): Session[] {
    return [...this.calls.values()].map((t) => t.session);
  }

  snapshots(): CallSnapshot[] {
    return [...this.calls.values()].map((t) => ({ ...t.call, remote: { ...t.call.remote } }));
  }
}
