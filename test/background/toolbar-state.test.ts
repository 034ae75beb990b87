import { describe, expect, it } from 'vitest';
import { toolbarAppearance } from '../../src/background/toolbar-state';
import { emptySnapshot } from '../../src/shared/snapshot';
import { mockAccount, mockCall, mockSnapshot } from '../popup/mock-snapshot';
import { words } from '../../src/shared/words';

describe('toolbarAppearance', () => {
  it.each([
    ['not configured', emptySnapshot(), 'unconfigured', '', /not set up/],
    ['offline', mockSnapshot({}, { wantsOnline: false }), 'offline', '', /offline as 1001@clickdial.test/],
    ['connecting', mockSnapshot({}, { registration: 'registering', connection: 'connecting' }), 'connecting', '', /connecting/],
    ['registered', mockSnapshot(), 'registered', '', /registered as 1001@clickdial.test/],
    ['registered, microphone blocked', mockSnapshot({ microphone: 'denied' }), 'error', '!', /can't take calls: the microphone is blocked/],
    [
      'error',
      mockSnapshot(
        {},
        { registration: 'failed', registrationError: words('sip_register_wrong_password', { status: '401', reason: 'Unauthorized' }) },
      ),
      'error',
      '!',
      /Wrong user name or password/,
    ],
    [
      'ringing',
      mockSnapshot({
        calls: [mockCall({ direction: 'incoming', state: 'ringing', remote: { uri: 'sip:1002@x', user: '1002', displayName: 'Bo' } })],
      }),
      'ringing',
      'RING',
      /Incoming call from Bo$/,
    ],
    [
      'two accounts, one failing',
      mockSnapshot({
        accounts: [
          mockAccount(),
          mockAccount({
            id: 'b',
            aor: 'sip:2001@other.test',
            registration: 'failed',
            registrationError: words('sip_register_forbidden', { reason: 'Forbidden' }),
          }),
        ],
      }),
      'error',
      '!',
      /^ClickDial: 2001@other.test: The server refused this account \(403 Forbidden\)\. Check the user name, password and domain\.$/,
    ],
    [
      'two accounts, both registered',
      mockSnapshot({ accounts: [mockAccount(), mockAccount({ id: 'b', aor: 'sip:2001@other.test' })] }),
      'registered',
      '',
      /registered as 1001@clickdial.test and 2001@other.test/,
    ],
    ['in call', mockSnapshot({ calls: [mockCall()] }), 'in-call', 'CALL', /In call with 1002/],
    ['two calls', mockSnapshot({ calls: [mockCall(), mockCall({ id: 'b', held: true })] }), 'in-call', '2', /2 calls/],
  ] as const)('%s', (_name, snapshot, tone, badge, title) => {
    const look = toolbarAppearance(snapshot);
    expect(look.tone).toBe(tone);
    expect(look.badgeText).toBe(badge);
    expect(look.title).toMatch(/^ClickDial: /);
    expect(look.title).toMatch(title);
  });
});
