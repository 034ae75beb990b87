// Text messages (SIP MESSAGE) per contact, kept in storage.local: the service
// worker writes (incoming from 'phone.messageReceived', outgoing after a send),
// the popup reads. Pure, so both can share it. How they are stored and read
// back: shared/stored-conversations.ts.
import type { ReceivedMessage, RemoteParty } from './snapshot';
import { t } from './i18n';

export interface TextMessage {
  direction: 'in' | 'out';
  body: string;
  at: number;
}

export interface Conversation {
  contact: RemoteParty;
  /** Oldest first, at most MESSAGES_PER_CONTACT. */
  messages: TextMessage[];
  unread: number;
  /** The account (line) the conversation is on: replies go out on it. Absent in 0.1's conversations. */
  accountId?: string;
}

/** Keyed by contactKey(uri). */
export type Conversations = Record<string, Conversation>;

export const CONVERSATIONS_KEY = 'conversations';
export const MESSAGES_PER_CONTACT = 50;
export const CONTACTS_LIMIT = 50;
export const MAX_MESSAGE_LENGTH = 1000;

/** One key per party: "sip:1002@Example.com;transport=ws" and "sip:1002@example.com" are the same contact. */
export function contactKey(uri: string): string {
  const m = /^(sips?):([^@;?>]+@)?([^;?>]+)/i.exec(uri.trim());
  if (!m) return uri.trim();
  return `${m[1]!.toLowerCase()}:${m[2] ?? ''}${m[3]!.toLowerCase()}`;
}

export function addMessage(all: Conversations, contact: RemoteParty, message: TextMessage, accountId?: string): Conversations {
  const key = contactKey(contact.uri);
  const existing = all[key];
  // A display name from an incoming MESSAGE is kept once known.
  const displayName = contact.displayName ?? existing?.contact.displayName;
  const conversation: Conversation = {
    contact: { uri: key, user: contact.user, ...(displayName ? { displayName } : {}) },
    messages: [...(existing?.messages ?? []), message].slice(-MESSAGES_PER_CONTACT),
    unread: (existing?.unread ?? 0) + (message.direction === 'in' ? 1 : 0),
  };
  // The newest message's line is the one the contact reaches the user on.
  const line = accountId ?? existing?.accountId;
  if (line !== undefined) conversation.accountId = line;
  const next: Conversations = { ...all, [key]: conversation };
  const keys = sortedKeys(next);
  for (const old of keys.slice(CONTACTS_LIMIT)) delete next[old];
  return next;
}

export function markRead(all: Conversations, key: string): Conversations {
  const conversation = all[key];
  if (!conversation || conversation.unread === 0) return all;
  return { ...all, [key]: { ...conversation, unread: 0 } };
}

/** Most recent conversation first. */
export function sortedKeys(all: Conversations): string[] {
  const last = (k: string) => all[k]?.messages.at(-1)?.at ?? 0;
  return Object.keys(all).sort((a, b) => last(b) - last(a));
}

export function totalUnread(all: Conversations): number {
  return Object.values(all).reduce((sum, c) => sum + c.unread, 0);
}

/** Why a message body cannot be sent, if it cannot: for the offscreen phone, which has no chrome.i18n (offscreen documents get chrome.runtime only). */
export function messageBodyProblem(body: string): 'empty' | 'too-long' | undefined {
  if (body.trim() === '') return 'empty';
  return body.length > MAX_MESSAGE_LENGTH ? 'too-long' : undefined;
}

/** A message body to send, or why not, in words. */
export function checkMessageBody(body: string): string | undefined {
  const problem = messageBodyProblem(body);
  if (problem === 'empty') return t('message_empty_body');
  if (problem === 'too-long') return t('message_too_long', { count: MAX_MESSAGE_LENGTH });
  return undefined;
}

/** A received message's text, or, for one that is not text, words saying so in the UI language. */
export function receivedText(message: ReceivedMessage): string {
  return message.unshown === undefined ? message.body : t('message_cannot_show', { type: message.unshown });
}
