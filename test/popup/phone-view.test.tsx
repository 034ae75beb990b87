import { describe, expect, it, vi } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { PhoneView } from '../../src/popup/phone-view';
import { mockCall, mockSnapshot, recordingActions } from './mock-snapshot';
import { words } from '../../src/shared/words';

// The call list listens for ended calls (its summary) through the runtime.
vi.mock('webextension-polyfill', async () => (await import('./fake-runtime')).polyfill);

const html = (snapshot = mockSnapshot()) => renderToString(<PhoneView snapshot={snapshot} actions={recordingActions()} />);

describe('PhoneView', () => {
  it('shows the registration and the dialer when registered', () => {
    const out = html();
    expect(out).toContain('Registered');
    expect(out).toContain('1001@clickdial.test');
    expect(out).toContain('aria-label="Number or SIP address"');
    expect(out).toContain('Dial 5');
  });

  it('offers setup instead of a dialer when not configured', () => {
    const out = html(mockSnapshot({ accounts: [] }));
    expect(out).toContain('Set up account');
    expect(out).not.toContain('Dial pad');
  });

  it('shows the registration error in words', () => {
    const out = html(
      mockSnapshot(
        {},
        { registration: 'failed', registrationError: words('sip_register_wrong_password', { status: '401', reason: 'Unauthorized' }) },
      ),
    );
    expect(out).toContain('Registration failed');
    expect(out).toContain('Wrong user name or password: the server refused the login (401 Unauthorized).');
    expect(out).toContain('>Retry now<');
  });

  it('offers "Retry now" only where an account the user wants online has a problem', () => {
    expect(html()).not.toContain('Retry now');
    expect(
      html(
        mockSnapshot(
          {},
          { registration: 'unregistered', registrationError: words('sip_server_unreachable', { server: 'wss://pbx.example' }) },
        ),
      ),
    ).toContain('>Retry now<');
    expect(
      html(mockSnapshot({}, { wantsOnline: false, registrationError: words('sip_server_unreachable', { server: 'wss://pbx.example' }) })),
    ).not.toContain('Retry now');
  });

  it('offers Answer and Decline for a ringing incoming call', () => {
    const out = html(mockSnapshot({ calls: [mockCall({ direction: 'incoming', state: 'ringing', answeredAt: undefined })] }));
    expect(out).toContain('Incoming call');
    expect(out).toContain('>Answer<');
    expect(out).toContain('>Decline<');
    expect(out).not.toContain('Hang up');
  });

  it('shows an active call with its duration and Hang up', () => {
    const out = html(mockSnapshot({ calls: [mockCall()] }));
    expect(out).toContain('In call');
    expect(out).toMatch(/1:0[12]/);
    expect(out).toContain('Hang up');
    expect(out).not.toContain('>Answer<');
  });

  it('asks for the microphone when it is not allowed', () => {
    expect(html(mockSnapshot({ microphone: 'prompt' }))).toContain('Allow microphone');
    expect(html(mockSnapshot({ microphone: 'denied' }))).toContain('blocked');
    expect(html(mockSnapshot({ microphone: 'granted' }))).not.toContain('Allow microphone');
  });

  it('shows why the last call failed', () => {
    expect(html(mockSnapshot({ notice: { words: words('sip_call_busy', { status: '486', reason: 'Busy Here' }), at: 1 } }))).toContain(
      'Busy (486 Busy Here).',
    );
  });
});
