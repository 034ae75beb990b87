// The calls the phone knows: the SIP.js session of each (the I/O side), and
// their state in the phone model (shared/phone-model.ts, calls as in
// shared/call-model.ts), whose reducer is the only writer of call state. The methods here only turn what the phone
// and its SIP.js callbacks learn into model events; states move as the
// transition table (shared/call-table.ts) says, and a call leaves the model
// when it ends. remoteHold follows the far end's re-INVITEs.
import type { Session } from 'sip.js';
import type { CallEvent, TransferMove } from '../shared/call-table';
import { callSnapshot, callSnapshots, endedCall, type CallFlags, type CallModelEvent, type CallsModel } from '../shared/call-model';
import type { CallDirection, CallOutcome, CallSnapshot, EndedCall } from '../shared/snapshot';
import { ClickDialError } from '../shared/protocol';
import { words, type Words } from '../shared/words';

type Patch = Partial<
  Pick<CallSnapshot, 'held' | 'muted' | 'earlyMedia' | 'remoteHold' | 'video' | 'consultFor' | 'referredTo' | 'referredBy'>
>;

export interface CallModelAccess {
  /** The calls part of the phone model. */
  model(): CallsModel;
  /** Hands a call event to the phone model's reducer. */
  dispatch(event: CallModelEvent): void;
}

export class CallRegistry {
  private readonly sessionsById = new Map<string, Session>();

  constructor(private readonly access: CallModelAccess) {}

  private get model(): CallsModel {
    return this.access.model();
  }

  private dispatch(event: CallModelEvent): void {
    this.access.dispatch(event);
  }

  add(session: Session, direction: CallDirection, accountId: string, now = Date.now()): CallSnapshot {
    const identity = session.remoteIdentity;
    this.sessionsById.set(session.id, session);
    this.dispatch({
      type: 'added',
      id: session.id,
      accountId,
      direction,
      remote: {
        uri: identity.uri.toString(),
        user: identity.uri.user ?? identity.uri.host,
        ...(identity.displayName ? { displayName: identity.displayName } : {}),
      },
      at: now,
    });
    return this.call(session.id) as CallSnapshot;
  }

  has(id: string): boolean {
    return this.sessionsById.has(id);
  }

  session(id: string): Session {
    const session = this.sessionsById.get(id);
    if (!session) throw new ClickDialError(words('error_call_already_ended'), 'no-such-call');
    return session;
  }

  /** The call's session, or undefined once it has left (session() throws then). */
  sessionOf(id: string): Session | undefined {
    return this.sessionsById.get(id);
  }

  call(id: string): CallSnapshot | undefined {
    const record = this.model.calls.find((r) => r.call.id === id);
    return record ? callSnapshot(this.model, record) : undefined;
  }

  /** Moves a call as the transition table says; a move it does not list changes nothing. */
  apply(id: string, event: CallEvent, now = Date.now()): void {
    this.dispatch({ type: 'moved', id, event, at: now });
  }

  /** Remembers why a call is about to end (declined here, cancelled, failed). */
  markEnding(id: string, outcome: CallOutcome, reason?: Words): void {
    this.dispatch({ type: 'ending', id, outcome, ...(reason !== undefined ? { reason } : {}) });
  }

  /** The call's media failed (set up, never connected, or lost): it ends as 'failed', with this reason. */
  markFailed(id: string, reason: Words): void {
    this.dispatch({ type: 'failed', id, reason });
  }

  /** Moves our transfer of the call as the transfer table says; returns whether it moved. */
  transfer(id: string, move: TransferMove, detail: { target?: string; error?: Words } = {}): boolean {
    const before = this.call(id)?.transfer;
    this.dispatch({ type: 'transfer', id, move, ...detail });
    return this.call(id)?.transfer !== before;
  }

  /** What was learnt of a call, as model events: flags and its links to other calls. */
  patch(id: string, patch: Patch): void {
    const { held, muted, earlyMedia, remoteHold } = patch;
    const flags: CallFlags = Object.fromEntries(Object.entries({ held, muted, earlyMedia, remoteHold }).filter(([, v]) => v !== undefined));
    // video: undefined is news too (the far end took video away).
    if ('video' in patch) flags.video = patch.video;
    if (Object.keys(flags).length > 0) this.dispatch({ type: 'changed', id, flags });
    if ('consultFor' in patch) {
      this.dispatch(
        patch.consultFor === undefined
          ? { type: 'unlinked', id, kind: 'consultation' }
          : { type: 'linked', link: { kind: 'consultation', call: id, of: patch.consultFor } },
      );
    }
    if (patch.referredBy !== undefined) this.dispatch({ type: 'linked', link: { kind: 'referred-by', call: id, by: patch.referredBy } });
    if (patch.referredTo !== undefined)
      this.dispatch({ type: 'linked', link: { kind: 'refer-received', call: id, target: patch.referredTo } });
  }

  count(): number {
    return this.sessionsById.size;
  }

  ids(): string[] {
    return [...this.sessionsById.keys()];
  }

  /** Forgets the call and says how it ended. */
  remove(id: string, now = Date.now()): EndedCall | undefined {
    if (!this.sessionsById.has(id)) return undefined;
    const ended = endedCall(this.model, id, now);
    this.sessionsById.delete(id);
    this.dispatch({ type: 'removed', id });
    return ended;
  }

  sessions(): Session[] {
    return [...this.sessionsById.values()];
  }

  snapshots(): CallSnapshot[] {
    return callSnapshots(this.model);
  }
}
