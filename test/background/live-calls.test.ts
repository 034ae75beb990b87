// The worker's record of the phone's live calls over an in-memory
// storage.local: calls of a phone that died become lost calls, handed to the
// next phone once, and filed as dropped (or missed, when still ringing).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveCall } from '../../src/shared/live-calls';
import { saying } from '../support/said';

const area = new Map<string, unknown>();
vi.mock('webextension-polyfill', async () => (await import('./memory-storage')).memoryPolyfill(area));

const { lostCallEnded, phoneLost, rememberLiveCalls, takeLostCalls } = await import('../../src/background/live-calls');

const dialog = {
  callId: 'c1',
  localTag: 'l',
  remoteTag: 'r',
  localUri: 'sip:1001@clickdial.test',
  remoteUri: 'sip:1002@clickdial.test',
  remoteTarget: 'sip:x@y.invalid;transport=ws',
  routeSet: ['<sip:127.0.0.1:5060;lr>'],
  cseq: 3,
};
const talking: LiveCall = {
  id: 'a',
  accountId: 'acc',
  direction: 'outgoing',
  remote: { uri: 'sip:1002@clickdial.test', user: '1002' },
  createdAt: 1,
  answeredAt: 2,
  dialog,
};
const ringing: LiveCall = {
  id: 'b',
  accountId: 'acc',
  direction: 'incoming',
  remote: { uri: 'sip:1003@clickdial.test', user: '1003' },
  createdAt: 3,
};

beforeEach(() => area.clear());

describe('live calls', () => {
  it('a phone that went away leaves its calls as lost, handed to the next phone once', async () => {
    expect(await rememberLiveCalls('phone-1', [talking, ringing])).toEqual([]);
    expect(await phoneLost()).toEqual([talking, ringing]);
    expect(await takeLostCalls()).toEqual([talking, ringing]);
    expect(await takeLostCalls()).toEqual([]);
  });

  it("a new phone saying hello while the worker still holds an older one's calls: those are orphaned, and lost", async () => {
    await rememberLiveCalls('phone-1', [talking]);
    expect(await rememberLiveCalls('phone-2', [])).toEqual([talking]);
    expect(await takeLostCalls()).toEqual([talking]);
  });

  it('the same phone updating its calls orphans nothing', async () => {
    await rememberLiveCalls('phone-1', [talking, ringing]);
    expect(await rememberLiveCalls('phone-1', [talking])).toEqual([]);
    expect(await phoneLost()).toEqual([talking]);
  });

  it('stored data that fails the schema is dropped, not trusted', async () => {
    area.set('liveCalls', { version: 1, calls: [{ id: 5 }, talking], lost: 'x' });
    expect(await phoneLost()).toEqual([]);
    area.set('liveCalls', { version: 1, calls: [{ id: 5 }, talking], lost: [] });
    expect(await phoneLost()).toEqual([talking]);
  });

  it('files an answered call as dropped and a ringing one as missed, both with the reason', () => {
    expect(lostCallEnded(talking, 10)).toMatchObject({
      outcome: 'dropped',
      endedAt: 10,
      reason: saying(/closed by Chrome/),
    });
    expect(lostCallEnded(ringing, 10)).toMatchObject({ outcome: 'missed', call: { id: 'b', state: 'ended' } });
  });
});
