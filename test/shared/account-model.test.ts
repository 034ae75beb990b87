import { describe, expect, it } from 'vitest';
import { NO_ACCOUNT, reduceAccount, type AccountEvent, type AccountState } from '../../src/shared/account-model';
import { words } from '../../src/shared/words';

const account = {
  server: 'wss://pbx.example/ws',
  aor: 'sip:1001@pbx.example',
  authorizationUser: '',
  password: 'x',
  displayName: '',
  iceServers: [],
};
const run = (...events: AccountEvent[]): AccountState => events.reduce(reduceAccount, NO_ACCOUNT);
const online: AccountEvent = { type: 'configured', account, wantsOnline: true, accountChanged: true };

describe('the account model', () => {
  it('keeps the intent apart from what the network gives', () => {
    expect(run(online)).toMatchObject({ account, wantsOnline: true, connection: 'disconnected', registration: 'unregistered' });
    expect(run(online, { type: 'connecting' }, { type: 'connected' }, { type: 'registering' }, { type: 'registered' })).toMatchObject({
      connection: 'connected',
      registration: 'registered',
    });
    // No account: never online, whatever was asked.
    expect(run({ type: 'configured', account: null, wantsOnline: true, accountChanged: false }).wantsOnline).toBe(false);
  });

  it('says the last problem in words, and forgets it on success or when going offline', () => {
    const unreachable = words('sip_server_unreachable', { server: 'wss://pbx.example' });
    const failed = run(online, { type: 'connectFailed', error: unreachable });
    expect(failed).toMatchObject({ connection: 'disconnected', lastError: unreachable });
    expect(reduceAccount(failed, { type: 'connected' }).lastError).toBeUndefined();
    expect(reduceAccount(failed, { type: 'configured', account, wantsOnline: false, accountChanged: false }).lastError).toBeUndefined();
    // A drop we asked for (no error) leaves no word; one we did not, does while online.
    const up = run(online, { type: 'connected' }, { type: 'registered' });
    expect(reduceAccount(up, { type: 'disconnected' })).toMatchObject({ registration: 'unregistered' });
    const lost = words('sip_server_stopped_answering', { server: 'wss://pbx.example', seconds: 5 });
    expect(reduceAccount(up, { type: 'disconnected', error: lost }).lastError).toBe(lost);
  });

  it('stays failed after refused credentials until the account changes', () => {
    const refused = run(
      online,
      { type: 'connected' },
      { type: 'rejected', error: words('sip_register_wrong_password', { status: '401', reason: 'Unauthorized' }), authentication: true },
    );
    expect(refused).toMatchObject({
      registration: 'failed',
      authRejected: true,
      lastError: words('sip_register_wrong_password', { status: '401', reason: 'Unauthorized' }),
    });
    expect(reduceAccount(refused, { type: 'unregistered' }).registration).toBe('failed');
    expect(reduceAccount(refused, { type: 'disconnected' }).registration).toBe('failed');
    expect(reduceAccount(refused, { type: 'configured', account, wantsOnline: true, accountChanged: false }).authRejected).toBe(true);
    expect(reduceAccount(refused, online)).toMatchObject({ authRejected: false });
    expect(reduceAccount(refused, online).lastError).toBeUndefined();
    // Another refusal (not the credentials) is said but changes no state.
    const unavailable = words('sip_register_failed', { status: '503', reason: 'Service Unavailable' });
    expect(run(online, { type: 'rejected', error: unavailable, authentication: false })).toMatchObject({
      registration: 'unregistered',
      lastError: unavailable,
    });
  });
});
