// The calls the phone has right now, as the service worker keeps them
// (storage.local 'liveCalls'): if Chrome closes the phone document, its calls
// die with it and the new phone knows nothing of them. From this record the
// worker files them in the history as dropped, and the recreated phone ends
// each confirmed dialog at the far end with a BYE built from what was saved.
// Sent by the phone over its port to the worker, and stored: one schema for both.
import * as v from 'valibot';
import { REMOTE_PARTY_SCHEMA } from './remote-party-schema';
import { listOf, type StoredKey } from './stored-schema';
import type { RemoteParty } from './snapshot';

const text = v.pipe(v.string(), v.maxLength(2048));

/** What a BYE needs of a confirmed dialog (RFC 3261 12.2.1.1). */
export interface DialogRecord {
  callId: string;
  localTag: string;
  remoteTag: string;
  localUri: string;
  remoteUri: string;
  remoteTarget: string;
  routeSet: string[];
  /** The last CSeq number we sent in this dialog. */
  cseq: number;
}

/** What a CANCEL needs of an INVITE still unanswered (RFC 3261 9.1: the same Request-URI, Call-ID, To, From, CSeq number and top Via). */
export interface InviteRecord {
  ruri: string;
  fromUri: string;
  fromTag: string;
  toUri: string;
  callId: string;
  cseq: number;
  branch: string;
  viaHost: string;
  routes: string[];
}

export interface LiveCall {
  id: string;
  accountId: string;
  direction: 'incoming' | 'outgoing';
  remote: RemoteParty;
  createdAt: number;
  answeredAt?: number;
  /** Present once the call is established: enough to end it from a new phone. */
  dialog?: DialogRecord;
  /** Present while our outgoing call is unanswered: enough to cancel it from a new phone. */
  invite?: InviteRecord;
}

export const DIALOG_RECORD_SCHEMA = v.object({
  callId: text,
  localTag: text,
  remoteTag: text,
  localUri: text,
  remoteUri: text,
  remoteTarget: text,
  routeSet: v.pipe(v.array(text), v.maxLength(16)),
  cseq: v.pipe(v.number(), v.integer(), v.minValue(0)),
}) satisfies v.GenericSchema<unknown, DialogRecord>;

export const INVITE_RECORD_SCHEMA = v.object({
  ruri: text,
  fromUri: text,
  fromTag: text,
  toUri: text,
  callId: text,
  cseq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  branch: text,
  viaHost: text,
  routes: v.pipe(v.array(text), v.maxLength(16)),
}) satisfies v.GenericSchema<unknown, InviteRecord>;

export const LIVE_CALL_SCHEMA = v.object({
  id: v.pipe(v.string(), v.maxLength(512)),
  accountId: v.pipe(v.string(), v.maxLength(64)),
  direction: v.picklist(['incoming', 'outgoing']),
  remote: REMOTE_PARTY_SCHEMA,
  createdAt: v.number(),
  answeredAt: v.optional(v.number()),
  dialog: v.optional(DIALOG_RECORD_SCHEMA),
  invite: v.optional(INVITE_RECORD_SCHEMA),
}) satisfies v.GenericSchema<unknown, LiveCall>;

/** At most this many calls at once (the call limit is far lower). */
export const LIVE_CALLS_LIMIT = 16;
export const LIVE_CALL_LIST_SCHEMA = listOf(LIVE_CALL_SCHEMA, LIVE_CALLS_LIMIT);

export interface StoredLiveCalls {
  version: 1;
  /** The phone document that sent `calls` (a new document has a new id). */
  phoneId?: string;
  /** The phone's calls as it last said. */
  calls: LiveCall[];
  /** Calls of a phone that went away, waiting for the new phone to end them at the far end. */
  lost: LiveCall[];
}

export const LIVE_CALLS: StoredKey<StoredLiveCalls> = {
  key: 'liveCalls',
  version: 1,
  schema: v.object({
    version: v.literal(1),
    phoneId: v.optional(v.pipe(v.string(), v.maxLength(64))),
    calls: LIVE_CALL_LIST_SCHEMA,
    lost: LIVE_CALL_LIST_SCHEMA,
  }),
  fallback: () => ({ version: 1, calls: [], lost: [] }),
  migrations: [() => ({ version: 1, calls: [], lost: [] })],
};

/** The name of the phone document's port to the service worker. */
export const PHONE_PORT = 'phone';

/** What the phone sends over its port: its live calls on connecting and on every change, and a heartbeat. */
export type PhoneLinkMessage = { type: 'liveCalls'; phoneId: string; calls: LiveCall[] } | { type: 'beat' };

const PHONE_LINK_MESSAGE_SCHEMA = v.variant('type', [
  v.object({ type: v.literal('liveCalls'), phoneId: v.pipe(v.string(), v.maxLength(64)), calls: LIVE_CALL_LIST_SCHEMA }),
  v.object({ type: v.literal('beat') }),
]);

export function parsePhoneLinkMessage(value: unknown): PhoneLinkMessage | undefined {
  const parsed = v.safeParse(PHONE_LINK_MESSAGE_SCHEMA, value);
  return parsed.success ? parsed.output : undefined;
}

/** Lost calls handed to a new phone, checked where they arrive. */
export function parseLostCalls(value: unknown): LiveCall[] {
  const parsed = v.safeParse(LIVE_CALL_LIST_SCHEMA, value ?? []);
  return parsed.success ? parsed.output : [];
}
