// The phone's calls as a pure model: no I/O, no SIP.js types. Events come in,
// `reduceCalls` is the only writer, and the call snapshots every surface
// renders are derived from it. How calls relate to each other (a
// consultation for a transfer, a call placed because the far end of another
// referred us, a REFER received) is one list of links, not fields patched
// on both calls; the snapshot's consultFor/referredBy/referredTo are read
// from it. State moves follow the transition table (call-table.ts).
//
//   added ──moved / changed / transfer / linked / ending / failed──▶ (same call, new fields)
//     └──────────────────────── removed ──▶ gone (its links with it; endedCall says how it ended)
import { nextState, nextTransfer, type CallEvent, type TransferMove } from './call-table';
import type { CallDirection, CallOutcome, CallSnapshot, CallVideo, EndedCall, RemoteParty } from './snapshot';
import type { Words } from './words';

/** What the model keeps of a call: the snapshot's own fields (links aside) and how it is about to end. */
export interface CallRecord {
  call: Omit<CallSnapshot, 'consultFor' | 'referredBy' | 'referredTo'>;
  /** What was learnt about the end before the stack reported it (declined here, cancelled, failed...). */
  ending?: CallOutcome;
  /** Why, in words, for an end the user did not choose (a dropped call). */
  endReason?: Words;
  /**
   * Why the call failed, in words, when its media did: could not be set up,
   * never connected, or was lost for good. A failure even after the answer.
   */
  failure?: Words;
}

export type CallLink =
  /** `call` is the consultation leg of an attended transfer of `of`. */
  | { kind: 'consultation'; call: string; of: string }
  /** `call` was placed because the far end of another call transferred us; `by` names who. */
  | { kind: 'referred-by'; call: string; by: string }
  /** The far end of `call` asked us (REFER) to call `target` instead. */
  | { kind: 'refer-received'; call: string; target: string };

export interface CallsModel {
  /** In the order they came, oldest first. */
  calls: readonly CallRecord[];
  links: readonly CallLink[];
}

/** video: undefined (given) says the call has no video any more. */
export type CallFlags = Partial<Pick<CallSnapshot, 'held' | 'muted' | 'earlyMedia' | 'remoteHold'>> & { video?: CallVideo | undefined };

export type CallModelEvent =
  | { type: 'added'; id: string; accountId: string; direction: CallDirection; remote: RemoteParty; at: number }
  | { type: 'moved'; id: string; event: CallEvent; at: number }
  | { type: 'changed'; id: string; flags: CallFlags }
  /** Our transfer of the call moves as TRANSFER_TABLE says (a move it does not list changes nothing). */
  | { type: 'transfer'; id: string; move: TransferMove; target?: string; error?: Words }
  | { type: 'linked'; link: CallLink }
  /** Links of this kind that involve the call end (a consultation given up). */
  | { type: 'unlinked'; id: string; kind: CallLink['kind'] }
  | { type: 'ending'; id: string; outcome: CallOutcome; reason?: Words }
  /** The call's media failed (answered or not): it ends as 'failed', with the reason. */
  | { type: 'failed'; id: string; reason: Words }
  | { type: 'removed'; id: string };

export const NO_CALLS: CallsModel = { calls: [], links: [] };

function update(model: CallsModel, id: string, change: (record: CallRecord) => CallRecord): CallsModel {
  const index = model.calls.findIndex((r) => r.call.id === id);
  const record = model.calls[index];
  if (!record) return model;
  const next = change(record);
  if (next === record) return model;
  const calls = [...model.calls];
  calls[index] = next;
  return { ...model, calls };
}

const involves = (link: CallLink, id: string): boolean => link.call === id || (link.kind === 'consultation' && link.of === id);

export function reduceCalls(model: CallsModel, event: CallModelEvent): CallsModel {
  switch (event.type) {
    case 'added': {
      if (model.calls.some((r) => r.call.id === event.id)) return model;
      const call: CallRecord['call'] = {
        id: event.id,
        accountId: event.accountId,
        direction: event.direction,
        remote: { ...event.remote },
        state: event.direction === 'incoming' ? 'ringing' : 'dialing',
        createdAt: event.at,
        held: false,
        muted: false,
        earlyMedia: false,
        remoteHold: false,
      };
      return { ...model, calls: [...model.calls, { call }] };
    }
    case 'moved':
      return update(model, event.id, (r) => {
        const state = nextState(r.call.state, event.event);
        if (!state) return r;
        const answeredAt = state === 'active' && r.call.answeredAt === undefined ? event.at : r.call.answeredAt;
        return { ...r, call: { ...r.call, state, ...(answeredAt !== undefined ? { answeredAt } : {}) } };
      });
    case 'changed':
      return update(model, event.id, (r) => {
        const { video, ...flags } = event.flags;
        const call: CallSnapshot = { ...r.call, ...flags };
        if (video) call.video = video;
        else if ('video' in event.flags) delete call.video;
        return { ...r, call };
      });
    case 'transfer':
      return update(model, event.id, (r) => {
        const transfer = nextTransfer(r.call.transfer, event.move, {
          ...(event.target !== undefined ? { target: event.target } : {}),
          ...(event.error !== undefined ? { error: event.error } : {}),
        });
        if (transfer === null) return r;
        const { transfer: _old, ...rest } = r.call;
        return { ...r, call: transfer ? { ...rest, transfer } : rest };
      });
    case 'linked': {
      const others = model.links.filter((l) => !(l.kind === event.link.kind && l.call === event.link.call));
      return { ...model, links: [...others, event.link] };
    }
    case 'unlinked':
      return { ...model, links: model.links.filter((l) => !(l.kind === event.kind && involves(l, event.id))) };
    case 'ending':
      // The first word on how a call ends is kept (a CANCEL's reason before the stack's own report).
      return update(model, event.id, (r) =>
        r.ending === undefined ? { ...r, ending: event.outcome, ...(event.reason !== undefined ? { endReason: event.reason } : {}) } : r,
      );
    case 'failed':
      // The first failure is the cause; what follows from it (the BYE, the stack's own report) is not.
      return update(model, event.id, (r) => (r.failure === undefined ? { ...r, failure: event.reason } : r));
    case 'removed':
      if (!model.calls.some((r) => r.call.id === event.id)) return model;
      return { calls: model.calls.filter((r) => r.call.id !== event.id), links: model.links.filter((l) => !involves(l, event.id)) };
  }
}

/** The snapshot of one call, with what its links say. */
export function callSnapshot(model: CallsModel, record: CallRecord): CallSnapshot {
  const id = record.call.id;
  const snapshot: CallSnapshot = { ...record.call, remote: { ...record.call.remote } };
  for (const link of model.links) {
    if (link.call !== id) continue;
    if (link.kind === 'consultation') snapshot.consultFor = link.of;
    else if (link.kind === 'referred-by') snapshot.referredBy = link.by;
    else snapshot.referredTo = link.target;
  }
  return snapshot;
}

export function callSnapshots(model: CallsModel): CallSnapshot[] {
  return model.calls.map((r) => callSnapshot(model, r));
}

/**
 * How a call ends, when it is removed: failed media is a failure (with its
 * reason) even after the answer; otherwise answered calls completed, else
 * what was learnt, else missed or cancelled.
 */
export function endedCall(model: CallsModel, id: string, at: number): EndedCall | undefined {
  const record = model.calls.find((r) => r.call.id === id);
  if (!record) return undefined;
  const { call, ending, endReason, failure } = record;
  const snapshot: CallSnapshot = { ...callSnapshot(model, record), state: 'ended' };
  if (failure !== undefined) return { call: snapshot, outcome: 'failed', endedAt: at, reason: failure };
  let outcome: CallOutcome;
  if (ending === 'dropped') outcome = 'dropped';
  else if (call.answeredAt !== undefined) outcome = 'completed';
  else if (ending) outcome = ending;
  else outcome = call.direction === 'incoming' ? 'missed' : 'cancelled';
  return { call: snapshot, outcome, endedAt: at, ...(endReason !== undefined ? { reason: endReason } : {}) };
}
