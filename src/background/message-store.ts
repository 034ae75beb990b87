// Keeps the text conversations in storage.local: incoming messages from the
// phone's 'phone.messageReceived' (unread until the popup opens them) and the
// ones the user sent. The popup reads storage; all writes happen here, in order,
// in the current version (release 0.1's unversioned map is read through the schema).
import browser from 'webextension-polyfill';
import { CONVERSATIONS_KEY, addMessage, contactKey, markRead, receivedText, type Conversations } from '../shared/conversations';
import { parseConversations, storedConversations } from '../shared/stored-conversations';
import type { ReceivedMessage, RemoteParty } from '../shared/snapshot';
import { serialized } from './serialized';
import { onPhoneEvent } from '../shared/phone-events';

const queue = serialized();

function update(change: (all: Conversations) => Conversations): Promise<void> {
  return queue(async () => {
    const stored = await browser.storage.local.get(CONVERSATIONS_KEY);
    const next = change(parseConversations(stored[CONVERSATIONS_KEY]));
    await browser.storage.local.set({ [CONVERSATIONS_KEY]: storedConversations(next) });
  });
}

export function recordReceived(message: ReceivedMessage): Promise<void> {
  return update((all) =>
    addMessage(all, message.from, { direction: 'in', body: receivedText(message), at: message.at }, message.accountId),
  );
}

export async function recordSent(to: RemoteParty, body: string, accountId: string, at = Date.now()): Promise<string> {
  await update((all) => addMessage(all, to, { direction: 'out', body, at }, accountId));
  return contactKey(to.uri);
}

export function markConversationRead(key: string): Promise<void> {
  return update((all) => markRead(all, key));
}

/** Registered once at the top level of the service worker. */
export function listenForMessages(): void {
  onPhoneEvent('phone.messageReceived', (message) => void recordReceived(message).catch(() => undefined));
}
