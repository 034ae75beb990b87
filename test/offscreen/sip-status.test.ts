import { describe, expect, it } from 'vitest';
import {
  describeCallFailure,
  describeConnectionFailure,
  describeRegistrationFailure,
  isAuthenticationFailure,
} from '../../src/offscreen/sip-status';
import { say } from '../../src/shared/words';

describe('sip-status', () => {
  it('says a 401 is a wrong password', () => {
    expect(say(describeRegistrationFailure(401, 'Unauthorized'))).toMatch(/Wrong user name or password.*401 Unauthorized/);
    expect(isAuthenticationFailure(401)).toBe(true);
    expect(isAuthenticationFailure(403)).toBe(true);
    expect(isAuthenticationFailure(408)).toBe(false);
  });

  it('names busy and declined calls', () => {
    expect(say(describeCallFailure(486, 'Busy Here'))).toMatch(/^Busy/);
    expect(say(describeCallFailure(603, 'Decline'))).toMatch(/declined/);
    expect(say(describeCallFailure(404, 'Not Found'))).toMatch(/No such number/);
    expect(say(describeCallFailure(500, 'Server Error'))).toBe('The call failed: 500 Server Error.');
  });

  it('names the server that cannot be reached', () => {
    expect(say(describeConnectionFailure('wss://x.test/ws', new Error('WebSocket closed (code: 1006)')))).toBe(
      'Cannot reach the SIP server at wss://x.test/ws (WebSocket closed (code: 1006)). Check the server address and your network.',
    );
  });
});
