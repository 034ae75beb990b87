import { describe, expect, it } from 'vitest';
import { describeUnreachable } from '../../src/offscreen/server-probe';
import { say } from '../../src/shared/words';

const refused = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
const answers = (() => Promise.resolve(new Response(null))) as typeof fetch;

describe('describeUnreachable', () => {
  it('names a server that did not answer in time', async () => {
    const why = await describeUnreachable(
      'wss://pbx.test/ws',
      new Error('Exceeded time set in configuration.connectionTimeout: 3s.'),
      refused,
    );
    expect(say(why)).toMatch(/did not answer within 3 s/);
  });

  it('tells a web server that is not a SIP WebSocket server from nothing listening', async () => {
    const closed = new Error('WebSocket closed wss://pbx.test/ws (code: 1006)');
    expect(say(await describeUnreachable('wss://pbx.test/ws', closed, answers))).toMatch(
      /Something answers at wss:\/\/pbx\.test\/ws, but not as a SIP WebSocket server/,
    );
    expect(say(await describeUnreachable('wss://pbx.test/ws', closed, refused))).toMatch(
      /Cannot reach the SIP server at wss:\/\/pbx\.test\/ws/,
    );
  });

  it('probes the same address over HTTP(S)', async () => {
    const asked: string[] = [];
    const probe = ((url: string) => {
      asked.push(url);
      return Promise.reject(new TypeError('x'));
    }) as typeof fetch;
    await describeUnreachable('wss://pbx.test:8443/ws', new Error('closed'), probe);
    await describeUnreachable('ws://127.0.0.1:5066/', new Error('closed'), probe);
    expect(asked).toEqual(['https://pbx.test:8443/ws', 'http://127.0.0.1:5066/']);
  });
});
