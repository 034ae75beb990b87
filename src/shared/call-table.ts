// Each call's states, the events that move it, and the commands the user may
// give in each: one table, used by the phone (a command the table does not
// allow is refused with a clear error, a transition it does not list is not
// made) and by every surface (which buttons a call shows).
//
//   outgoing: dialing ──progress (180/183)──▶ ringing ──answered (2xx)──▶ active
//   incoming: ringing ──answer──▶ connecting ──established──▶ active
//             connecting ──answer failed──▶ ringing
//   any ──ended (BYE, CANCEL, rejection, hang up, decline)──▶ ended
//   active: held ◀──hold / resume──▶ not held (a flag of the call, not a state)
//
// Our transfer of an active call (TRANSFER_TABLE):
//   none ──blind──▶ transferring ──failed (refused, NOTIFY >= 300, no word in 30 s)──▶ failed
//   none ──consult──▶ consulting ──complete──▶ transferring
//   consulting ──cancel / consultationEnded──▶ none      failed ──blind / consult──▶ (again)
//   transferring ──NOTIFY 2xx──▶ (the call ends)
import type { CallSnapshot, CallState, TransferState } from './snapshot';
import { ClickDialError } from './protocol';
import { words, type Words } from './words';
import type { MessageKey } from './i18n';

export type CallEvent = 'progress' | 'answered' | 'answering' | 'answerFailed' | 'established' | 'ended';

export type CallCommand =
  | 'answer'
  | 'decline'
  | 'hangup'
  | 'mute'
  | 'camera'
  | 'hold'
  | 'resume'
  | 'switchTo'
  | 'dtmf'
  | 'transfer'
  | 'consult'
  | 'completeTransfer'
  | 'cancelTransfer';

interface StateRow {
  on: Partial<Record<CallEvent, CallState>>;
  commands: readonly CallCommand[];
}

const IN_CALL: readonly CallCommand[] = [
  'hangup',
  'mute',
  'camera',
  'hold',
  'resume',
  'switchTo',
  'dtmf',
  'transfer',
  'consult',
  'completeTransfer',
  'cancelTransfer',
];

export const CALL_TABLE: Readonly<Record<CallState, StateRow>> = {
  // An attended transfer can be given up while the target's phone still rings.
  dialing: { on: { progress: 'ringing', answered: 'active', ended: 'ended' }, commands: ['hangup', 'mute', 'cancelTransfer'] },
  ringing: {
    on: { answered: 'active', answering: 'connecting', ended: 'ended' },
    commands: ['answer', 'decline', 'hangup', 'mute', 'cancelTransfer'],
  },
  connecting: { on: { established: 'active', answered: 'active', answerFailed: 'ringing', ended: 'ended' }, commands: ['hangup', 'mute'] },
  active: { on: { ended: 'ended' }, commands: IN_CALL },
  ended: { on: {}, commands: [] },
};

export type TransferPhase = 'none' | TransferState['state'];
export type TransferMove = 'blind' | 'consult' | 'complete' | 'cancel' | 'consultationEnded' | 'failed';

export const TRANSFER_TABLE: Readonly<Record<TransferPhase, Partial<Record<TransferMove, TransferPhase>>>> = {
  none: { blind: 'transferring', consult: 'consulting' },
  consulting: { complete: 'transferring', cancel: 'none', consultationEnded: 'none' },
  transferring: { failed: 'failed' },
  failed: { blind: 'transferring', consult: 'consulting' },
};

/**
 * The transfer after `move`: undefined when there is none any more, null when
 * the table has no such move (nothing changes). `target` names the party
 * transferred to (blind, consult, complete); `error` says why it failed.
 */
export function nextTransfer(
  current: TransferState | undefined,
  move: TransferMove,
  detail: { target?: string; error?: Words } = {},
): TransferState | undefined | null {
  const next = TRANSFER_TABLE[current?.state ?? 'none'][move];
  if (next === undefined) return null;
  if (next === 'none') return undefined;
  const kind = move === 'blind' ? 'blind' : move === 'consult' || move === 'complete' ? 'attended' : (current?.kind ?? 'blind');
  const target = detail.target ?? current?.target ?? '';
  return { kind, target, state: next, ...(next === 'failed' && detail.error !== undefined ? { error: detail.error } : {}) };
}

/** The state an event moves a call to, or undefined when the table has no such move (nothing changes). */
export function nextState(state: CallState, event: CallEvent): CallState | undefined {
  return CALL_TABLE[state].on[event];
}

/** What the user may do with this call now (direction and hold included). */
export function allowedCommands(call: CallSnapshot): CallCommand[] {
  return CALL_TABLE[call.state].commands.filter((command) => {
    switch (command) {
      case 'answer':
      case 'decline':
        return call.direction === 'incoming';
      case 'hold':
      case 'dtmf':
        return !call.held;
      case 'camera':
        // A video call only, and not while held (the re-INVITE would take it off hold).
        return call.video !== undefined && !call.held;
      case 'resume':
        return call.held;
      case 'transfer':
      case 'consult':
        // Once at a time: a new transfer only when none is under way (or the last one failed).
        return TRANSFER_TABLE[call.transfer?.state ?? 'none'].blind !== undefined;
      case 'completeTransfer':
      case 'cancelTransfer':
        // Given on the consultation call of an attended transfer.
        return call.consultFor !== undefined;
      default:
        return true;
    }
  });
}

/** What a command would do to the call, said inside call_cannot_now ("This call cannot be answered now"). */
const WORDS: Record<CallCommand, Extract<MessageKey, `call_can_${string}`>> = {
  answer: 'call_can_answer',
  decline: 'call_can_decline',
  hangup: 'call_can_hangup',
  mute: 'call_can_mute',
  camera: 'call_can_camera',
  hold: 'call_can_hold',
  resume: 'call_can_resume',
  switchTo: 'call_can_switch_to',
  dtmf: 'call_can_dtmf',
  transfer: 'call_can_transfer',
  consult: 'call_can_transfer',
  completeTransfer: 'call_can_transfer',
  cancelTransfer: 'call_can_change',
};

/** Why not: the call's state, said inside call_cannot_now ("it is ringing"). */
const STATE_WORDS: Record<CallState, Extract<MessageKey, `call_it_${string}`>> = {
  dialing: 'call_it_dialing',
  ringing: 'call_it_ringing',
  connecting: 'call_it_connecting',
  active: 'call_it_active',
  ended: 'call_it_ended',
};

/** Throws, in words, when the table does not allow `command` on `call`. */
export function requireCommand(call: CallSnapshot, command: CallCommand): void {
  if (allowedCommands(call).includes(command)) return;
  if (command === 'camera' && call.video === undefined) throw new ClickDialError(words('call_no_video'), 'invalid');
  const transferring = (command === 'transfer' || command === 'consult') && call.state === 'active';
  const why = transferring
    ? 'call_it_transferring'
    : command === 'hold' || command === 'dtmf' || command === 'camera'
      ? call.held
        ? 'call_it_held'
        : STATE_WORDS[call.state]
      : STATE_WORDS[call.state];
  const state = command === 'resume' && !call.held ? 'call_it_not_held' : why;
  throw new ClickDialError(words('call_cannot_now', { action: words(WORDS[command]), state: words(state) }), 'invalid');
}
