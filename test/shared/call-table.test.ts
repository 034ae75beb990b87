import { describe, expect, it } from 'vitest';
import { CALL_TABLE, allowedCommands, nextState, requireCommand, type CallCommand, type CallEvent } from '../../src/shared/call-table';
import type { CallState } from '../../src/shared/snapshot';
import { mockCall } from '../popup/mock-snapshot';

const STATES: CallState[] = ['dialing', 'ringing', 'connecting', 'active', 'ended'];
const EVENTS: CallEvent[] = ['progress', 'answered', 'answering', 'answerFailed', 'established', 'ended'];

describe('the call transition table', () => {
  it('has exactly these moves (every state × every event)', () => {
    const moves: string[] = [];
    for (const state of STATES)
      for (const event of EVENTS) {
        const to = nextState(state, event);
        if (to) moves.push(`${state} --${event}--> ${to}`);
      }
    expect(moves).toEqual([
      'dialing --progress--> ringing',
      'dialing --answered--> active',
      'dialing --ended--> ended',
      'ringing --answered--> active',
      'ringing --answering--> connecting',
      'ringing --ended--> ended',
      'connecting --answered--> active',
      'connecting --answerFailed--> ringing',
      'connecting --established--> active',
      'connecting --ended--> ended',
      'active --ended--> ended',
    ]);
    expect(CALL_TABLE.ended.commands).toEqual([]);
  });

  it('allows each command only where it makes sense', () => {
    const ringingIn = mockCall({ direction: 'incoming', state: 'ringing', answeredAt: undefined });
    expect(allowedCommands(ringingIn)).toEqual(['answer', 'decline', 'hangup', 'mute']);
    expect(allowedCommands(mockCall({ direction: 'outgoing', state: 'dialing', answeredAt: undefined }))).toEqual(['hangup', 'mute']);
    // The consultation call of an attended transfer can be given up while it rings, and completed once answered.
    const consulting = mockCall({ direction: 'outgoing', state: 'ringing', answeredAt: undefined, consultFor: 'first' });
    expect(allowedCommands(consulting)).toEqual(['hangup', 'mute', 'cancelTransfer']);
    expect(allowedCommands(mockCall({ consultFor: 'first' }))).toContain('completeTransfer');
    expect(allowedCommands(mockCall({}))).not.toContain('completeTransfer');
    const talking = allowedCommands(mockCall({ held: false }));
    expect(talking).toContain('hold');
    expect(talking).not.toContain('resume');
    const held = allowedCommands(mockCall({ held: true }));
    expect(held).toContain('resume');
    expect(held).not.toContain('dtmf');
  });

  it.each([
    [mockCall({ direction: 'outgoing', state: 'ringing', answeredAt: undefined }), 'answer', /cannot be answered now: it is ringing/],
    [mockCall({ held: true }), 'dtmf', /cannot send key tones now: it is on hold/],
    [mockCall({ held: false }), 'resume', /cannot be resumed now: it is not on hold/],
    [mockCall({ state: 'dialing', answeredAt: undefined }), 'transfer', /cannot be transferred now: it is still being dialled/],
    [mockCall({ state: 'ended' }), 'hangup', /cannot be hung up now: it has ended/],
  ] as const)('refuses what it does not allow, in words (%#)', (call, command, message) => {
    expect(() => requireCommand(call, command as CallCommand)).toThrow(message);
  });
});
