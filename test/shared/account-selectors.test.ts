import { describe, expect, it } from 'vitest';
import {
  microphoneBlocked,
  accountLabel,
  canRetry,
  defaultAccount,
  describeAccount,
  lineName,
  phoneStatus,
} from '../../src/shared/account-selectors';
import { mockAccount, mockSnapshot } from '../popup/mock-snapshot';
import { words } from '../../src/shared/words';

const second = mockAccount({ id: 'b', aor: 'sips:2001@other.test' });

describe('account selectors', () => {
  it('names a line only when there are several', () => {
    expect(lineName(mockSnapshot(), 'account-1')).toBeUndefined();
    const two = mockSnapshot({ accounts: [mockAccount(), second] });
    expect(lineName(two, 'b')).toBe('2001@other.test');
    expect(lineName(two, 'gone')).toBeUndefined();
    expect(accountLabel('SIP:1@x')).toBe('1@x');
  });

  it('finds the default account, else the first', () => {
    expect(defaultAccount(mockSnapshot({ accounts: [mockAccount(), second], defaultAccountId: 'b' }))?.id).toBe('b');
    expect(defaultAccount(mockSnapshot({ accounts: [mockAccount(), second], defaultAccountId: 'gone' }))?.id).toBe('account-1');
  });

  it('sums up the phone: registered only when every wanted account is; an error when any has one', () => {
    expect(phoneStatus(mockSnapshot({ accounts: [] })).status).toBe('unconfigured');
    expect(phoneStatus(mockSnapshot({ accounts: [mockAccount({ wantsOnline: false })] })).status).toBe('offline');
    expect(phoneStatus(mockSnapshot({ accounts: [mockAccount(), mockAccount({ id: 'b', wantsOnline: false })] }))).toMatchObject({
      status: 'registered',
      accounts: [{ id: 'account-1' }],
    });
    const pending = mockAccount({ id: 'b', registration: 'registering' });
    expect(phoneStatus(mockSnapshot({ accounts: [mockAccount(), pending] }))).toMatchObject({
      status: 'connecting',
      accounts: [{ id: 'b' }],
    });
    const failing = mockAccount({ id: 'b', registration: 'failed', registrationError: words('sip_register_timeout') });
    expect(phoneStatus(mockSnapshot({ accounts: [mockAccount(), failing, pending] }))).toMatchObject({
      status: 'error',
      accounts: [{ id: 'b' }],
    });
  });

  it('a registered phone with its microphone blocked cannot take calls, and does not say Registered', () => {
    expect(describeAccount(mockAccount(), 'denied')).toBe(microphoneBlocked());
    expect(describeAccount(mockAccount(), 'prompt')).toBe('Registered');
    expect(phoneStatus(mockSnapshot({ microphone: 'denied' })).status).toBe('no-microphone');
    expect(phoneStatus(mockSnapshot({ microphone: 'granted' })).status).toBe('registered');
  });
});

describe('canRetry', () => {
  const base = { id: 'a', aor: 'sip:1001@x', wantsOnline: true, connection: 'connected', registration: 'registered' } as const;
  it('is offered for a failing account the user wants online, and only then', () => {
    expect(canRetry({ ...base })).toBe(false);
    expect(canRetry({ ...base, registration: 'failed' })).toBe(true);
    expect(
      canRetry({
        ...base,
        connection: 'disconnected',
        registration: 'unregistered',
        registrationError: words('sip_server_unreachable', { server: 'wss://pbx.example' }),
      }),
    ).toBe(true);
    expect(canRetry({ ...base, wantsOnline: false, registration: 'failed' })).toBe(false);
    expect(canRetry(undefined)).toBe(false);
  });
});
