// The saved accounts and the user's intent, in storage.local only: storage.sync
// would copy the SIP password into the user's browser account. Read through
// the versioned schema (shared/stored-accounts.ts): data the first release
// saved ('account' + 'wantsOnline') is migrated on first read and written
// back in the new shape. Every change is a read-modify-write in order.
import browser from 'webextension-polyfill';
import type { SipAccount } from '../shared/account';
import { ClickDialError } from '../shared/protocol';
import { words } from '../shared/words';
import {
  ACCOUNTS,
  FIRST_ACCOUNT_ID,
  MAX_ACCOUNTS,
  defaultAccount,
  type StoredAccount,
  type StoredAccounts,
} from '../shared/stored-accounts';
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

function update<T>(change: (stored: StoredAccounts) => { next: StoredAccounts; result: T }): Promise<T> {
  return inOrder(async () => {
    const { next, result } = change(await read());
    await browser.storage.local.set({ [ACCOUNTS.key]: next });
    return result;
  });
}

function newId(stored: StoredAccounts): string {
  if (!stored.accounts.some((a) => a.id === FIRST_ACCOUNT_ID)) return FIRST_ACCOUNT_ID;
  return `account-${crypto.randomUUID().slice(0, 8)}`;
}

function requireAccount(stored: StoredAccounts, id: string): StoredAccount {
  const found = stored.accounts.find((a) => a.id === id);
  if (!found) throw new ClickDialError(words('error_account_gone'), 'invalid');
  return found;
}

/**
 * Saves an account and goes online with it: a new one (no id) is added at the
 * end (the first one becomes the default), a known one is replaced in place.
 */
export function saveAccount(account: SipAccount, id?: string): Promise<string> {
  return update((stored) => {
    if (id !== undefined) {
      requireAccount(stored, id);
      const accounts = stored.accounts.map((a) => (a.id === id ? { id, account, wantsOnline: true } : a));
      return { next: { ...stored, accounts }, result: id };
    }
    if (stored.accounts.length >= MAX_ACCOUNTS) {
      throw new ClickDialError(words('error_accounts_at_most', { count: MAX_ACCOUNTS }), 'invalid');
    }
    const added = newId(stored);
    const accounts = [...stored.accounts, { id: added, account, wantsOnline: true }];
    return { next: { ...stored, accounts, defaultId: stored.defaultId ?? added }, result: added };
  });
}

/** Removes an account; when it was the default, the first remaining one becomes it. */
export function removeAccount(id: string): Promise<void> {
  return update((stored) => {
    requireAccount(stored, id);
    const accounts = stored.accounts.filter((a) => a.id !== id);
    const defaultId = stored.defaultId === id ? (accounts[0]?.id ?? null) : stored.defaultId;
    return { next: { ...stored, accounts, defaultId }, result: undefined };
  });
}

/** Moves an account by `offset` places in the list (kept within it). */
export function moveAccount(id: string, offset: number): Promise<void> {
  return update((stored) => {
    const from = stored.accounts.indexOf(requireAccount(stored, id));
    const to = Math.max(0, Math.min(stored.accounts.length - 1, from + Math.trunc(offset)));
    const accounts = [...stored.accounts];
    const [moved] = accounts.splice(from, 1);
    if (moved) accounts.splice(to, 0, moved);
    return { next: { ...stored, accounts }, result: undefined };
  });
}

export function setDefaultAccount(id: string): Promise<void> {
  return update((stored) => {
    requireAccount(stored, id);
    return { next: { ...stored, defaultId: id }, result: undefined };
  });
}

/** The user's intent for that account (else the default one). */
export function saveWantsOnline(wantsOnline: boolean, id?: string): Promise<void> {
  return update((stored) => {
    const target = id ?? defaultAccount(stored)?.id;
    if (target === undefined) throw new ClickDialError(words('error_set_up_account_first'), 'not-configured');
    requireAccount(stored, target);
    return { next: { ...stored, accounts: stored.accounts.map((a) => (a.id === target ? { ...a, wantsOnline } : a)) }, result: undefined };
  });
}
