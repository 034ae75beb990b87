// The saved account and the user's intent, in storage.local only: storage.sync
// would copy the SIP password into the user's browser account.
import browser from 'webextension-polyfill';
import { isAccountShape } from '../shared/payload';
import type { SipAccount } from '../shared/account';

interface Stored {
  account?: SipAccount;
  wantsOnline?: boolean;
}

export async function loadAccount(): Promise<{ account: SipAccount | null; wantsOnline: boolean }> {
  const stored = (await browser.storage.local.get(['account', 'wantsOnline'])) as Stored;
  const account = isAccountShape(stored.account) ? (stored.account as SipAccount) : null;
  return { account, wantsOnline: account !== null && stored.wantsOnline !== false };
}

export async function saveAccount(account: SipAccount): Promise<void> {
  await browser.storage.local.set({ account, wantsOnline: true } satisfies Stored);
}

export async function saveWantsOnline(wantsOnline: boolean): Promise<void> {
  await browser.storage.local.set({ wantsOnline } satisfies Stored);
}
