// The account list's operations over an in-memory storage.local (the
// extension API is the only thing replaced; the schema and migration are real).
import { beforeEach, describe, expect, it, vi } from 'vitest';

const area = new Map<string, unknown>();
vi.mock('webextension-polyfill', async () => (await import('./memory-storage')).memoryPolyfill(area));

const { loadAccounts, moveAccount, removeAccount, saveAccount, saveWantsOnline, setDefaultAccount } =
  await import('../../src/background/account-store');

const sip = (aor: string) => ({
  server: 'wss://pbx.example/ws',
  aor,
  authorizationUser: '',
  password: 'pw',
  displayName: '',
  iceServers: [],
});
const aors = async () => (await loadAccounts()).accounts.map((a) => a.account.aor);

beforeEach(() => area.clear());

describe('the account store', () => {
  it('adds accounts at the end; the first is the default; editing keeps the place', async () => {
    const first = await saveAccount(sip('sip:1@a.example'));
    const second = await saveAccount(sip('sip:2@b.example'));
    expect(first).toBe('account-1');
    expect(second).toMatch(/^account-[0-9a-f]{8}$/);
    expect(await aors()).toEqual(['sip:1@a.example', 'sip:2@b.example']);
    expect((await loadAccounts()).defaultId).toBe(first);
    await saveAccount(sip('sip:1@a2.example'), first);
    expect(await aors()).toEqual(['sip:1@a2.example', 'sip:2@b.example']);
    await expect(saveAccount(sip('sip:3@c.example'), 'account-gone')).rejects.toThrow(/no longer set up/);
  });

  it('moves, makes default, sets the intent per account and removes', async () => {
    const a = await saveAccount(sip('sip:1@a.example'));
    const b = await saveAccount(sip('sip:2@b.example'));
    const c = await saveAccount(sip('sip:3@c.example'));
    await moveAccount(c, -1);
    expect(await aors()).toEqual(['sip:1@a.example', 'sip:3@c.example', 'sip:2@b.example']);
    await moveAccount(a, -5); // already first: stays
    expect(await aors()).toEqual(['sip:1@a.example', 'sip:3@c.example', 'sip:2@b.example']);
    await setDefaultAccount(b);
    await saveWantsOnline(false); // the default one
    await saveWantsOnline(false, c);
    const stored = await loadAccounts();
    expect(stored.accounts.map((x) => [x.id, x.wantsOnline])).toEqual([
      [a, true],
      [c, false],
      [b, false],
    ]);
    await removeAccount(b);
    expect((await loadAccounts()).defaultId).toBe(a);
    expect(await aors()).toEqual(['sip:1@a.example', 'sip:3@c.example']);
  });

  it("migrates release 0.1's account on first read and keeps it", async () => {
    area.set('account', sip('sip:1001@old.example'));
    area.set('wantsOnline', false);
    const stored = await loadAccounts();
    expect(stored).toMatchObject({ version: 1, defaultId: 'account-1', accounts: [{ id: 'account-1', wantsOnline: false }] });
    expect([...area.keys()]).toEqual(['accounts']);
    // A second account joins it.
    await saveAccount(sip('sip:2@new.example'));
    expect(await aors()).toEqual(['sip:1001@old.example', 'sip:2@new.example']);
  });
});
