// Keeps the recent-calls list: every 'phone.callEnded' from the phone becomes an
// entry in storage.local, which the popup shows. The worker keeps nothing in memory.
// Read through the versioned schema (release 0.1's bare list included), written
// in the current version, one write after the other.
import browser from 'webextension-polyfill';
import { HISTORY_KEY, addToHistory, historyEntry } from '../shared/call-history';
import { parseHistory, storedHistory } from '../shared/stored-call-history';
import type { EndedCall } from '../shared/snapshot';
import { serialized } from './serialized';
import { onPhoneEvent } from '../shared/phone-events';
import { loadAccounts } from './account-store';

const queue = serialized();

export function recordCall(ended: EndedCall): Promise<void> {
  return queue(async () => {
    const [stored, { accounts }] = await Promise.all([browser.storage.local.get(HISTORY_KEY), loadAccounts()]);
    const aor = accounts.find((a) => a.id === ended.call.accountId)?.account.aor;
    const history = addToHistory(parseHistory(stored[HISTORY_KEY]), historyEntry(ended, aor));
    await browser.storage.local.set({ [HISTORY_KEY]: storedHistory(history) });
  });
}

export function clearHistory(): Promise<void> {
  return queue(() => browser.storage.local.set({ [HISTORY_KEY]: storedHistory([]) }));
}

/** Registered once at the top level of the service worker. */
export function listenForCallHistory(): void {
  onPhoneEvent('phone.callEnded', (ended) => void recordCall(ended).catch(() => undefined));
}
