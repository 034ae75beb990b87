// The text conversations in storage.local ('conversations'), with a version:
// version 1 is { version: 1, byContact: { [contactKey]: Conversation } }.
// Release 0.1 stored the map itself: migrations[0] wraps it. Conversations are
// checked one by one (a broken one is dropped, the others kept). Both the worker
// (which writes) and the popup (which shows them) read through parseConversations.
import * as v from 'valibot';
import { CONVERSATIONS_KEY, type Conversation, type Conversations } from './conversations';
import { REMOTE_PARTY_SCHEMA } from './remote-party-schema';
import { readStored, recordOf, type StoredKey } from './stored-schema';

const MESSAGE_SCHEMA = v.object({
  direction: v.picklist(['in', 'out']),
  body: v.string(),
  at: v.number(),
});

const CONVERSATION_SCHEMA = v.object({
  contact: REMOTE_PARTY_SCHEMA,
  messages: v.array(MESSAGE_SCHEMA),
  unread: v.pipe(v.number(), v.integer(), v.minValue(0)),
  accountId: v.optional(v.pipe(v.string(), v.maxLength(64))),
}) satisfies v.GenericSchema<unknown, Conversation>;

export interface StoredConversations {
  version: 1;
  byContact: Conversations;
}

const isMap = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);

export const CONVERSATIONS: StoredKey<StoredConversations> = {
  key: CONVERSATIONS_KEY,
  version: 1,
  schema: v.object({ version: v.literal(1), byContact: recordOf(CONVERSATION_SCHEMA) }),
  fallback: () => ({ version: 1, byContact: {} }),
  // Release 0.1: Conversations (keyed by contactKey), no version.
  migrations: [(old) => ({ version: 1, byContact: isMap(old) ? old : {} })],
};

/** Whatever storage holds under CONVERSATIONS_KEY, of any version (broken conversations dropped). */
export function parseConversations(stored: unknown): Conversations {
  return readStored(CONVERSATIONS, { [CONVERSATIONS_KEY]: stored }).value.byContact;
}

/** What to write: the conversations with the current version. */
export function storedConversations(byContact: Conversations): StoredConversations {
  return { version: 1, byContact };
}
