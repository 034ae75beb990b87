// The SIP accounts and, for each, the user's intent (be online or not), under
// one storage key with a version. The first release kept one account under
// 'account' and the intent under 'wantsOnline'; version 1 holds a list (one
// per line the user has), each with an id, and which one calls go out on.
import * as v from 'valibot';
import type { SipAccount } from './account';
import type { StoredKey } from './stored-schema';

const text = v.pipe(v.string(), v.maxLength(2048));

export const ICE_SERVER_SCHEMA = v.object({
  urls: text,
  username: v.optional(text),
  credential: v.optional(text),
});

export const SIP_ACCOUNT_SCHEMA = v.object({
  server: text,
  aor: text,
  authorizationUser: text,
  password: text,
  displayName: text,
  iceServers: v.pipe(v.array(ICE_SERVER_SCHEMA), v.maxLength(16)),
}) satisfies v.GenericSchema<unknown, SipAccount>;

const STORED_ACCOUNT_SCHEMA = v.object({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  account: SIP_ACCOUNT_SCHEMA,
  wantsOnline: v.boolean(),
});

/** At most this many accounts (lines). */
export const MAX_ACCOUNTS = 20;

export const STORED_ACCOUNTS_LIST_SCHEMA = v.pipe(v.array(STORED_ACCOUNT_SCHEMA), v.maxLength(MAX_ACCOUNTS));

const ACCOUNTS_SCHEMA = v.object({
  version: v.literal(1),
  accounts: STORED_ACCOUNTS_LIST_SCHEMA,
  /** The account outgoing calls use unless another is chosen; null when there is none. */
  defaultId: v.nullable(v.string()),
});

export type StoredAccount = v.InferOutput<typeof STORED_ACCOUNT_SCHEMA>;
export type StoredAccounts = v.InferOutput<typeof ACCOUNTS_SCHEMA>;

export const ACCOUNTS_KEY = 'accounts';
/** The id the account of the first release gets (it was the only one). */
export const FIRST_ACCOUNT_ID = 'account-1';

export const ACCOUNTS: StoredKey<StoredAccounts> = {
  key: ACCOUNTS_KEY,
  version: 1,
  schema: ACCOUNTS_SCHEMA,
  fallback: () => ({ version: 1, accounts: [], defaultId: null }),
  legacyKeys: ['account', 'wantsOnline'],
  migrations: [
    // Release 0.1: { account: SipAccount, wantsOnline?: boolean } (online unless switched off).
    (_none, all) => {
      const account = v.safeParse(SIP_ACCOUNT_SCHEMA, all.account);
      if (!account.success) return { version: 1, accounts: [], defaultId: null };
      return {
        version: 1,
        accounts: [{ id: FIRST_ACCOUNT_ID, account: account.output, wantsOnline: all.wantsOnline !== false }],
        defaultId: FIRST_ACCOUNT_ID,
      };
    },
  ],
};

/** Whether a value has the shape of a SipAccount (not that it is valid: see validateAccount). */
export function isSipAccount(value: unknown): value is SipAccount {
  return v.is(SIP_ACCOUNT_SCHEMA, value);
}

/** The account calls go out on: the default one, else the first. */
export function defaultAccount(stored: StoredAccounts): StoredAccount | undefined {
  return stored.accounts.find((a) => a.id === stored.defaultId) ?? stored.accounts[0];
}
