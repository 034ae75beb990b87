import { describe, expect, it } from 'vitest';
import { activeCall, hangUpTarget, isWaiting, ringingCalls as ringingIncoming } from '../../src/shared/call-selectors';
import { mockCall } from '../popup/mock-snapshot';

const ringing = (id: string, createdAt: number) =>
  mockCall({ id, direction: 'incoming', state: 'ringing', createdAt, answeredAt: undefined });

describe('call selectors', () => {
  it('answers the oldest ringing call first', () => {
    const calls = [ringing('new', 300), mockCall({ id: 'talk' }), ringing('old', 100)];
    expect(ringingIncoming(calls).map((c) => c.id)).toEqual(['old', 'new']);
  });

  it('hangs up the active call, not a held one', () => {
    const calls = [mockCall({ id: 'held', held: true }), mockCall({ id: 'live' })];
    expect(activeCall(calls)?.id).toBe('live');
    expect(hangUpTarget(calls)).toMatchObject({ action: 'hangup', call: { id: 'live' } });
  });

  it('hangs up an outgoing call that is still ringing', () => {
    expect(hangUpTarget([mockCall({ id: 'out', state: 'dialing', answeredAt: undefined })])).toMatchObject({ action: 'hangup' });
  });

  it('hangs up a call that is being answered rather than declining another ringing one', () => {
    const calls = [ringing('other', 1), mockCall({ id: 'answering', direction: 'incoming', state: 'connecting', answeredAt: undefined })];
    expect(hangUpTarget(calls)).toMatchObject({ action: 'hangup', call: { id: 'answering' } });
    expect(ringingIncoming(calls).map((c) => c.id)).toEqual(['other']);
  });

  it('declines the oldest ringing call when none is active', () => {
    expect(hangUpTarget([ringing('b', 2), ringing('a', 1)])).toMatchObject({ action: 'decline', call: { id: 'a' } });
  });

  it('has nothing to hang up without calls', () => {
    expect(hangUpTarget([])).toBeUndefined();
    expect(hangUpTarget([mockCall({ held: true })])).toBeUndefined();
  });

  it('agree on one active call when two are off hold: the one answered last', () => {
    const calls = [mockCall({ id: 'first', answeredAt: 100 }), mockCall({ id: 'second', answeredAt: 200 })];
    expect(activeCall(calls)?.id).toBe('second');
    expect(activeCall([...calls].reverse())?.id).toBe('second');
  });

  it('call a ringing call during a call waiting', () => {
    const calls = [mockCall({ id: 'talk' }), ringing('new', 5)];
    expect(isWaiting(calls[1] as never, calls)).toBe(true);
    expect(isWaiting(ringing('alone', 1), [ringing('alone', 1)])).toBe(false);
  });
});
