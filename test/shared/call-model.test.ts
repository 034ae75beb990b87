import { describe, expect, it } from 'vitest';
import { NO_CALLS, callSnapshots, endedCall, reduceCalls, type CallModelEvent, type CallsModel } from '../../src/shared/call-model';
import { words } from '../../src/shared/words';

const bob = { uri: 'sip:1002@pbx.example', user: '1002', displayName: 'Bob' };
const run = (...events: CallModelEvent[]): CallsModel => events.reduce(reduceCalls, NO_CALLS);

describe('the call model', () => {
  it('adds calls in their first state and moves them only as the table says', () => {
    let m = run({ type: 'added', accountId: 'account-1', id: 'out', direction: 'outgoing', remote: bob, at: 1 });
    expect(callSnapshots(m)[0]).toMatchObject({ id: 'out', state: 'dialing', createdAt: 1, held: false });
    m = reduceCalls(m, { type: 'moved', id: 'out', event: 'answering', at: 2 }); // not a move of an outgoing call
    expect(callSnapshots(m)[0]?.state).toBe('dialing');
    m = reduceCalls(m, { type: 'moved', id: 'out', event: 'progress', at: 3 });
    m = reduceCalls(m, { type: 'moved', id: 'out', event: 'answered', at: 4 });
    m = reduceCalls(m, { type: 'moved', id: 'out', event: 'answered', at: 9 });
    expect(callSnapshots(m)[0]).toMatchObject({ state: 'active', answeredAt: 4 });
  });

  it('never changes the model it was given', () => {
    const before = run({ type: 'added', accountId: 'account-1', id: 'a', direction: 'incoming', remote: bob, at: 1 });
    const frozen = JSON.stringify(before);
    reduceCalls(before, { type: 'changed', id: 'a', flags: { muted: true } });
    reduceCalls(before, { type: 'removed', id: 'a' });
    expect(JSON.stringify(before)).toBe(frozen);
  });

  it('keeps links between calls as one list, read into both snapshots, gone with either call', () => {
    let m = run(
      { type: 'added', accountId: 'account-1', id: 'first', direction: 'incoming', remote: bob, at: 1 },
      {
        type: 'added',
        accountId: 'account-1',
        id: 'consult',
        direction: 'outgoing',
        remote: { uri: 'sip:1003@pbx.example', user: '1003' },
        at: 2,
      },
      { type: 'linked', link: { kind: 'consultation', call: 'consult', of: 'first' } },
      { type: 'transfer', id: 'first', move: 'consult', target: 'sip:1003@pbx.example' },
    );
    expect(callSnapshots(m).map((c) => [c.id, c.consultFor, c.transfer?.state])).toEqual([
      ['first', undefined, 'consulting'],
      ['consult', 'first', undefined],
    ]);
    m = reduceCalls(m, { type: 'removed', id: 'first' });
    expect(m.links).toEqual([]);
    expect(callSnapshots(m)[0]?.consultFor).toBeUndefined();
    m = reduceCalls(m, { type: 'linked', link: { kind: 'referred-by', call: 'consult', by: 'Bob' } });
    m = reduceCalls(m, { type: 'linked', link: { kind: 'refer-received', call: 'consult', target: 'sip:2001@pbx.example' } });
    expect(callSnapshots(m)[0]).toMatchObject({ referredBy: 'Bob', referredTo: 'sip:2001@pbx.example' });
    m = reduceCalls(m, { type: 'transfer', id: 'consult', move: 'blind', target: 'sip:2002@pbx.example' });
    expect(callSnapshots(m)[0]?.transfer).toEqual({ kind: 'blind', target: 'sip:2002@pbx.example', state: 'transferring' });
    // The transfer table decides: a second transfer while one is under way changes nothing.
    m = reduceCalls(m, { type: 'transfer', id: 'consult', move: 'consult', target: 'sip:2003@pbx.example' });
    expect(callSnapshots(m)[0]?.transfer?.target).toBe('sip:2002@pbx.example');
    const refused = words('transfer_refused', { status: '603', reason: 'Decline' });
    m = reduceCalls(m, { type: 'transfer', id: 'consult', move: 'failed', error: refused });
    expect(callSnapshots(m)[0]?.transfer).toEqual({ kind: 'blind', target: 'sip:2002@pbx.example', state: 'failed', error: refused });
  });

  it('says how a call ended: answered, else the first word learnt, else missed or cancelled', () => {
    const added: CallModelEvent = { type: 'added', accountId: 'account-1', id: 'in', direction: 'incoming', remote: bob, at: 1 };
    expect(endedCall(run(added), 'in', 5)).toMatchObject({ outcome: 'missed', endedAt: 5, call: { state: 'ended' } });
    const elsewhere = run(
      added,
      { type: 'ending', id: 'in', outcome: 'answered-elsewhere' },
      { type: 'ending', id: 'in', outcome: 'missed' },
    );
    expect(endedCall(elsewhere, 'in', 5)?.outcome).toBe('answered-elsewhere');
    const answered = run(added, { type: 'moved', id: 'in', event: 'answered', at: 2 }, { type: 'ending', id: 'in', outcome: 'failed' });
    expect(endedCall(answered, 'in', 5)?.outcome).toBe('completed');
    expect(endedCall(run({ ...added, direction: 'outgoing' }), 'in', 5)?.outcome).toBe('cancelled');
    expect(endedCall(NO_CALLS, 'in', 5)).toBeUndefined();
  });
});
