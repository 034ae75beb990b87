import { describe, expect, it } from 'vitest';
import type { SipAccount } from '../../src/shared/account';
import { NO_PHONE, phoneSnapshot, reducePhone, type PhoneEvent, type PhoneModel } from '../../src/shared/phone-model';
import { words } from '../../src/shared/words';

const account = (aor: string): SipAccount => ({
  server: 'wss://pbx.example/ws',
  aor,
  authorizationUser: '',
  password: 'x',
  displayName: '',
  iceServers: [],
});
const run = (...events: PhoneEvent[]): PhoneModel => events.reduce(reducePhone, NO_PHONE);
const configured = (id: string, aor: string): PhoneEvent => ({
  type: 'account',
  id,
  event: { type: 'configured', account: account(aor), wantsOnline: true, accountChanged: true },
});
const bob = { uri: 'sip:1002@pbx.example', user: '1002' };

describe('the phone model', () => {
  it('keeps accounts by id in the order listed, each with its own state, and derives the snapshot from them', () => {
    const m = run(
      { type: 'accountsListed', ids: ['work', 'home'], defaultId: 'home' },
      configured('work', 'sip:1001@work.example'),
      configured('home', 'sip:7@home.example'),
      { type: 'account', id: 'work', event: { type: 'connected' } },
      { type: 'account', id: 'work', event: { type: 'registered' } },
      { type: 'account', id: 'home', event: { type: 'rejected', error: words('sip_register_timeout'), authentication: true } },
    );
    const s = phoneSnapshot(m, 7);
    expect(s.accounts).toEqual([
      { id: 'work', aor: 'sip:1001@work.example', wantsOnline: true, connection: 'connected', registration: 'registered' },
      {
        id: 'home',
        aor: 'sip:7@home.example',
        wantsOnline: true,
        connection: 'disconnected',
        registration: 'failed',
        registrationError: words('sip_register_timeout'),
      },
    ]);
    expect(s.defaultAccountId).toBe('home');
    expect(s.revision).toBe(7);
  });

  it('ignores events for accounts it does not list, and forgets accounts no longer listed', () => {
    const listed = run({ type: 'accountsListed', ids: ['a'], defaultId: 'a' }, configured('a', 'sip:1@a.example'));
    expect(reducePhone(listed, configured('ghost', 'sip:2@b.example'))).toBe(listed);
    const relisted = reducePhone(listed, { type: 'accountsListed', ids: ['b'], defaultId: 'a' });
    expect(Object.keys(relisted.accounts)).toEqual(['b']);
    // The default named is gone: the first listed one is the default.
    expect(relisted.defaultAccountId).toBe('b');
    // A listed account without its data yet is not shown.
    expect(phoneSnapshot(relisted, 1).accounts).toEqual([]);
    expect(phoneSnapshot(relisted, 1).defaultAccountId).toBeUndefined();
  });

  it('keeps calls with their account, and derives the active call', () => {
    const m = run(
      { type: 'accountsListed', ids: ['a', 'b'], defaultId: 'a' },
      { type: 'call', event: { type: 'added', id: 'c1', accountId: 'b', direction: 'incoming', remote: bob, at: 1 } },
      { type: 'call', event: { type: 'moved', id: 'c1', event: 'answering', at: 2 } },
      { type: 'call', event: { type: 'moved', id: 'c1', event: 'established', at: 3 } },
    );
    const s = phoneSnapshot(m, 1);
    expect(s.calls.map((c) => [c.id, c.accountId, c.state, c.answeredAt])).toEqual([['c1', 'b', 'active', 3]]);
    expect(s.activeCallId).toBe('c1');
    // Calls outlive their account's removal until they end.
    const removed = reducePhone(m, { type: 'accountsListed', ids: ['a'], defaultId: 'a' });
    expect(phoneSnapshot(removed, 2).calls).toHaveLength(1);
  });

  it('takes the microphone, the newest notice and the call limit as given', () => {
    let m = run(
      { type: 'microphone', permission: 'denied' },
      { type: 'notice', notice: { words: words('sip_call_cancelled'), at: 5 } },
      { type: 'maxCalls', maxCalls: 4 },
    );
    expect(phoneSnapshot(m, 1)).toMatchObject({ microphone: 'denied', notice: { words: words('sip_call_cancelled'), at: 5 }, maxCalls: 4 });
    m = reducePhone(m, { type: 'notice', notice: undefined });
    expect('notice' in phoneSnapshot(m, 1)).toBe(false);
    expect(reducePhone(m, { type: 'microphone', permission: 'denied' })).toBe(m);
  });
});
