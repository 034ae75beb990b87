import { describe, expect, it } from 'vitest';
import { ACCOUNTS, FIRST_ACCOUNT_ID, defaultAccount } from '../../src/shared/stored-accounts';
import { readStored } from '../../src/shared/stored-schema';

// Exactly what release 0.1 wrote to storage.local (background/account-store.ts of that release).
const RELEASE_0_1 = {
  account: {
    server: 'wss://pbx.example.com:8089/ws',
    aor: 'sip:1001@pbx.example.com',
    authorizationUser: '',
    password: 'pw-1001-amber',
    displayName: 'Desk 1',
    iceServers: [{ urls: 'stun:stun.example.com:3478' }],
  },
  wantsOnline: true,
};

describe('stored accounts', () => {
  it("migrate release 0.1's account and intent without the user entering anything", () => {
    const { value, migrated } = readStored(ACCOUNTS, RELEASE_0_1);
    expect(migrated).toBe(true);
    expect(value).toEqual({
      version: 1,
      accounts: [{ id: FIRST_ACCOUNT_ID, account: RELEASE_0_1.account, wantsOnline: true }],
      defaultId: FIRST_ACCOUNT_ID,
    });
    expect(defaultAccount(value)?.account.password).toBe('pw-1001-amber');
  });

  it('keep "offline" as the user left it, and treat a missing intent as online (as 0.1 did)', () => {
    expect(readStored(ACCOUNTS, { ...RELEASE_0_1, wantsOnline: false }).value.accounts[0]?.wantsOnline).toBe(false);
    expect(readStored(ACCOUNTS, { account: RELEASE_0_1.account }).value.accounts[0]?.wantsOnline).toBe(true);
  });

  it('read the current version as it is, and never migrate it again', () => {
    const current = readStored(ACCOUNTS, RELEASE_0_1).value;
    expect(readStored(ACCOUNTS, { accounts: current })).toEqual({ value: current, migrated: false });
  });

  it('fall back to no accounts for nothing stored, broken data or a newer version', () => {
    const none = { version: 1, accounts: [], defaultId: null };
    expect(readStored(ACCOUNTS, {})).toEqual({ value: none, migrated: false });
    expect(readStored(ACCOUNTS, { account: { server: 42 } }).value).toEqual(none);
    expect(readStored(ACCOUNTS, { accounts: { version: 1, accounts: [{ id: 'x', account: 'no' }], defaultId: null } }).value).toEqual(none);
    expect(readStored(ACCOUNTS, { accounts: { version: 7, accounts: [] } })).toEqual({ value: none, migrated: false });
  });
});
