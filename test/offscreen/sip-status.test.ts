import { describe, expect, it } from 'vitest';
import {
  describeCallFailure,
  describeConnectionFailure,
  describeRegistrationFailure,
  isAuthenticationFailure,
} from '../../src/offscreen/sip-status';

describe('sip-status', () => {
  it('says a 401 is a wrong password', () => {
    expect(describeRegistrationFailure(401, 'Unauthorized')).toMatch(/Wrong user name or password.*401 Unauthorized/);
    expect(isAuthenticationFailure(401)).toBe(true);
    expect(isAuthenticationFailure(403)).toBe(true);
    expect(isAuthenticationFailure(408)).toBe(false);
  });

  it('names busy and declined calls', () => {
    expect(describeCallFailure(486, 'Busy Here')).toMatch(/^Busy/);
    expect(describeCallFailure(603, 'Decline')).toMatch(/declined/);
    expect(describeCallFailure(404, 'Not Found')).toMatch(/No such number/);
    expect(describeCallFailure(500, 'Server Error')).toBe('The call failed: 500 Server Error.');
  });

  it('names the server that cannot be reached', () => {
    expect(describeConnectionFailure('wss://x.test/ws', new Error('WebSocket closed (code: 1006)'))).toBe(
      'Cannot reach the SIP server at wss://x.test/ws (WebSocket closed (code: 1006)). Check the server address and your network.',
    );
  });
});
