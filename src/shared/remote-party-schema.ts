// The other party of a call or a conversation as stored (history, messages).
import * as v from 'valibot';
import type { RemoteParty } from './snapshot';

const text = v.pipe(v.string(), v.maxLength(2048));

export const REMOTE_PARTY_SCHEMA = v.object({
  uri: text,
  user: text,
  displayName: v.optional(text),
}) satisfies v.GenericSchema<unknown, RemoteParty>;
