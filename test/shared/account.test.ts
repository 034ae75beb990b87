import { describe, expect, it } from 'vitest';
import { accountDomain, emptyAccount, formatIceServers, parseIceServers, validateAccount, type SipAccount } from '../../src/shared/account';

const good: SipAccount = {
  server: 'wss://pbx.example.com:8089/ws',
  aor: 'sip:1001@pbx.example.com',
  authorizationUser: '',
  password: 'secret',
  displayName: 'Ada',
  iceServers: [],
};

describe('validateAccount', () => {
  it('accepts a complete account, ws:// too', () => {
    expect(validateAccount(good)).toEqual({});
    expect(validateAccount({ ...good, server: 'ws://127.0.0.1:5066/ws' })).toEqual({});
  });

  it('explains a wrong URL scheme', () => {
    expect(validateAccount({ ...good, server: 'https://pbx.example.com' }).server).toMatch(/must start with wss:\/\/.*not https:/);
    expect(validateAccount({ ...good, server: 'pbx.example.com' }).server).toMatch(/not a URL/);
    expect(validateAccount({ ...good, server: '' }).server).toMatch(/Enter the WebSocket address/);
  });

  it('explains a malformed SIP address', () => {
    expect(validateAccount({ ...good, aor: '1001@pbx.example.com' }).aor).toMatch(/not a SIP address/);
    expect(validateAccount({ ...good, aor: 'sip:1001' }).aor).toMatch(/not a SIP address/);
    expect(validateAccount({ ...good, aor: 'sip:10 01@pbx' }).aor).toMatch(/not a SIP address/);
    expect(validateAccount({ ...good, aor: '' }).aor).toMatch(/Enter your SIP address/);
  });

  it('requires a password', () => {
    expect(validateAccount({ ...good, password: '' }).password).toMatch(/Enter the password/);
  });

  it('checks ICE servers', () => {
    expect(validateAccount({ ...good, iceServers: [{ urls: 'stun:stun.example.com:3478' }] })).toEqual({});
    expect(validateAccount({ ...good, iceServers: [{ urls: 'http://x' }] }).iceServers).toMatch(/not a STUN or TURN/);
  });

  it('flags every empty field of a new account', () => {
    expect(Object.keys(validateAccount(emptyAccount())).sort()).toEqual(['aor', 'password', 'server']);
  });
});

describe('ICE server text', () => {
  it('round-trips STUN and TURN lines', () => {
    const text = 'stun:stun.example.com:3478\nturn:turn.example.com:3478 user pass';
    const servers = parseIceServers(`${text}\n\n`);
    expect(servers).toEqual([
      { urls: 'stun:stun.example.com:3478' },
      { urls: 'turn:turn.example.com:3478', username: 'user', credential: 'pass' },
    ]);
    expect(formatIceServers(servers)).toBe(text);
  });
});

describe('accountDomain', () => {
  it('takes the host of the AOR', () => {
    expect(accountDomain('sip:1001@pbx.example.com')).toBe('pbx.example.com');
    expect(accountDomain('sip:1001@pbx.example.com:5070')).toBe('pbx.example.com');
    expect(accountDomain('garbage')).toBeUndefined();
  });
});
