// The saved accounts and the user's intent, in storage.local only: storage.sync
// would copy the SIP password into the user's browser account. Read through
// the versioned schema (shared/stored-accounts.ts): data the first release
// saved ('account' + 'wantsOnline') is migrated on first read and written
// back in the new shape. Until several accounts are managed in the options,
// the phone uses the default one, and saving changes that one.
import browser from 'webextension-polyfill';
import type { SipAccount } from '../shared/account';
import { ACCOUNTS, FIRST_ACCOUNT_ID, defaultAccount, type StoredAccounts } from '../shared/stored-accounts';
import { readStored } from '../shared/stored-schema';

// Read-modify-write in order: two saves at once must not lose one.
let queue: Promise<unknown> = Promise.resolve();
function inOrder<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work);
  queue = next.catch(() => undefined);
  return next;
}

async function read(): Promise<StoredAccounts> {
  const keys = [ACCOUNTS.key, ...(ACCOUNTS.legacyKeys ?? [])];
  const all = await browser.storage.local.get(keys);
  const { value, migrated } = readStored(ACCOUNTS, all);
  if (migrated) {
    await browser.storage.local.set({ [ACCOUNTS.key]: value });
    await browser.storage.local.remove(ACCOUNTS.legacyKeys ?? []);
  }
  return value;
}

export function loadAccounts(): Promise<StoredAccounts> {
  return inOrder(read);
}

export async function loadAccount(): Promise<{ account: SipAccount | null; wantsOnline: boolean }> {
  const chosen = defaultAccount(await loadAccounts());
  return chosen ? { account: chosen.account, wantsOnline: chosen.wantsOnline } : { account: null, wantsOnline: false };
}

function update(change: (stored: StoredAccounts) => StoredAccounts): Promise<void> {
  return inOrder(async () => {
    await browser.storage.local.set({ [ACCOUNTS.key]: change(await read()) });
  });
}

/** Saves the account as the default one and goes online with it. */
export function saveAccount(account: SipAccount): Promise<void> {
  return update((stored) => {
    const id = defaultAccount(stored)?.id ?? FIRST_ACCOUNT_ID;
    const others = stored.accounts.filter((a) => a.id !== id);
    return { ...stored, accounts: [{ id, account, wantsOnline: true }, ...others], defaultId: id };
  });
}

export function saveWantsOnline(wantsOnline: boolean): Promise<void> {
  return update((stored) => {
    const id = defaultAccount(stored)?.id;
    return { ...stored, accounts: stored.accounts.map((a) => (a.id === id ? { ...a, wantsOnline } : a)) };
  });
}
