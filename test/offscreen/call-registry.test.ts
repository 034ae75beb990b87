import { describe, expect, it } from 'vitest';
import type { Session } from 'sip.js';
import { CallRegistry } from '../../src/offscreen/call-registry';
import { NO_CALLS, reduceCalls, type CallsModel } from '../../src/shared/call-model';
import { words } from '../../src/shared/words';

/** A registry over a model of its own (in the phone, the phone model's calls). */
function registry(): CallRegistry {
  let model: CallsModel = NO_CALLS;
  return new CallRegistry({ model: () => model, dispatch: (event) => (model = reduceCalls(model, event)) });
}

function fakeSession(id: string, user = '1002', displayName = 'Bo'): Session {
  const uri = { user, host: 'clickdial.test', toString: () => `sip:${user}@clickdial.test` };
  return { id, remoteIdentity: { uri, displayName } } as unknown as Session;
}

describe('CallRegistry', () => {
  it('describes a new call from its session', () => {
    const calls = registry();
    const call = calls.add(fakeSession('a'), 'incoming', 'account-1', 1000);
    expect(call).toEqual({
      id: 'a',
      accountId: 'account-1',
      direction: 'incoming',
      remote: { uri: 'sip:1002@clickdial.test', user: '1002', displayName: 'Bo' },
      state: 'ringing',
      createdAt: 1000,
      held: false,
      muted: false,
      earlyMedia: false,
      remoteHold: false,
    });
    expect(calls.add(fakeSession('b'), 'outgoing', 'account-1').state).toBe('dialing');
  });

  it('counts talk time from the first answer only', () => {
    const calls = registry();
    calls.add(fakeSession('a'), 'outgoing', 'account-1', 0);
    calls.apply('a', 'answered', 5000);
    calls.apply('a', 'answered', 9000);
    expect(calls.call('a')?.answeredAt).toBe(5000);
  });

  it.each([
    ['incoming', undefined, false, 'missed'],
    ['incoming', 'declined', false, 'declined'],
    ['incoming', 'answered-elsewhere', false, 'answered-elsewhere'],
    ['incoming', undefined, true, 'completed'],
    ['outgoing', undefined, false, 'cancelled'],
    ['outgoing', 'failed', false, 'failed'],
    ['outgoing', 'failed', true, 'completed'],
  ] as const)('a %s call marked %s (answered: %s) ends as %s', (direction, mark, answered, outcome) => {
    const calls = registry();
    calls.add(fakeSession('a'), direction, 'account-1', 0);
    if (answered) calls.apply('a', 'answered', 10);
    if (mark) calls.markEnding('a', mark);
    const ended = calls.remove('a', 99);
    expect(ended?.outcome).toBe(outcome);
    expect(ended?.endedAt).toBe(99);
    expect(ended?.call.state).toBe('ended');
    expect(calls.has('a')).toBe(false);
  });

  it('keeps the first reason given', () => {
    const calls = registry();
    calls.add(fakeSession('a'), 'incoming', 'account-1');
    calls.markEnding('a', 'declined');
    calls.markEnding('a', 'missed');
    expect(calls.remove('a')?.outcome).toBe('declined');
  });

  it('failed media makes a call failed even after its answer, with the first reason given', () => {
    const calls = registry();
    calls.add(fakeSession('a'), 'outgoing', 'account-1', 0);
    calls.apply('a', 'answered', 10);
    calls.markFailed('a', words('media_reason_no_path', { seconds: 10 }));
    calls.markFailed('a', words('sip_call_cancelled'));
    expect(calls.remove('a', 99)).toMatchObject({
      outcome: 'failed',
      reason: words('media_reason_no_path', { seconds: 10 }),
      call: { answeredAt: 10 },
    });
    calls.add(fakeSession('b'), 'outgoing', 'account-1', 0);
    calls.markEnding('b', 'failed');
    expect(calls.remove('b')).not.toHaveProperty('reason');
  });

  it('says a vanished call has ended', () => {
    expect(() => registry().session('nope')).toThrow(/already ended/);
  });

  it('moves calls only as the transition table says', () => {
    const calls = registry();
    calls.add(fakeSession('in'), 'incoming', 'account-1', 0);
    calls.apply('in', 'progress'); // not a move of a ringing incoming call
    expect(calls.call('in')?.state).toBe('ringing');
    calls.apply('in', 'answering');
    expect(calls.call('in')?.state).toBe('connecting');
    calls.apply('in', 'answerFailed');
    expect(calls.call('in')?.state).toBe('ringing');
  });
});
