import { describe, expect, it } from 'vitest';
import {
  CALL_TABLE,
  TRANSFER_TABLE,
  allowedCommands,
  nextState,
  nextTransfer,
  requireCommand,
  type CallCommand,
  type CallEvent,
} from '../../src/shared/call-table';
import type { CallState } from '../../src/shared/snapshot';
import { mockCall } from '../popup/mock-snapshot';
import { words } from '../../src/shared/words';

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

describe('the transfer table', () => {
  it('has exactly these moves, and keeps kind, target and error', () => {
    const moves: string[] = [];
    for (const [phase, row] of Object.entries(TRANSFER_TABLE))
      for (const [move, to] of Object.entries(row)) moves.push(`${phase} --${move}--> ${to}`);
    expect(moves).toEqual([
      'none --blind--> transferring',
      'none --consult--> consulting',
      'consulting --complete--> transferring',
      'consulting --cancel--> none',
      'consulting --consultationEnded--> none',
      'transferring --failed--> failed',
      'failed --blind--> transferring',
      'failed --consult--> consulting',
    ]);
    const consulting = nextTransfer(undefined, 'consult', { target: 'sip:1003@x' });
    expect(consulting).toEqual({ kind: 'attended', target: 'sip:1003@x', state: 'consulting' });
    const transferring = nextTransfer(consulting ?? undefined, 'complete');
    expect(transferring).toEqual({ kind: 'attended', target: 'sip:1003@x', state: 'transferring' });
    const refused = words('transfer_no_word');
    expect(nextTransfer(transferring ?? undefined, 'failed', { error: refused })).toEqual({
      kind: 'attended',
      target: 'sip:1003@x',
      state: 'failed',
      error: refused,
    });
    expect(nextTransfer(transferring ?? undefined, 'blind', { target: 'sip:9@x' })).toBeNull();
    expect(nextTransfer(consulting ?? undefined, 'cancel')).toBeUndefined();
  });

  it('refuses a second transfer while one is under way, in words', () => {
    const busy = mockCall({ transfer: { kind: 'blind', target: 'sip:1003@x', state: 'transferring' } });
    expect(allowedCommands(busy)).not.toContain('transfer');
    expect(() => requireCommand(busy, 'consult')).toThrow('This call cannot be transferred now: it is already being transferred.');
    expect(allowedCommands(mockCall({ transfer: { kind: 'blind', target: 'sip:1003@x', state: 'failed' } }))).toContain('transfer');
  });
});

describe('the camera command', () => {
  it('is for a video call that is connected and not held', () => {
    const video = { camera: true, remote: true };
    expect(allowedCommands(mockCall({ state: 'active', video }))).toContain('camera');
    expect(allowedCommands(mockCall({ state: 'active' }))).not.toContain('camera');
    expect(allowedCommands(mockCall({ state: 'active', video, held: true }))).not.toContain('camera');
    expect(allowedCommands(mockCall({ state: 'ringing', video }))).not.toContain('camera');
    expect(() => requireCommand(mockCall({ state: 'active' }), 'camera')).toThrow('This call has no video.');
    expect(() => requireCommand(mockCall({ state: 'active', video, held: true }), 'camera')).toThrow(/is on hold/);
  });
});
