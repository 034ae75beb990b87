import { useEffect, useRef, useState } from 'preact/hooks';
import { lineName } from '../shared/account-selectors';
import { isWaiting } from '../shared/call-selectors';
import { allowedCommands, type CallCommand } from '../shared/call-table';
import { describeCallState, formatDuration, remoteName } from '../shared/describe-state';
import type { PhoneActions } from '../shared/phone-actions';
import type { CallSnapshot, PhoneSnapshot } from '../shared/snapshot';
import { CallKeypad } from './call-keypad';
import { TransferForm } from './transfer-form';
import { focusable, useFocusRequest } from './focus-keeper';
import { t } from '../shared/i18n';
import { say } from '../shared/words';

interface Props {
  call: CallSnapshot;
  snapshot: PhoneSnapshot;
  actions: PhoneActions;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  /** Tones sent to this call so far, and how to send one. */
  dtmfSent?: string;
  onTone?: (tone: string) => void;
}

/** Talk time since answer, or time since the call started while it rings. */
function useElapsed(since: number): string {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return formatDuration(now - since);
}

const bare = (uri: string) => uri.replace(/^sips?:/, '');

/** Lines about transfers and holds that the state word does not say. */
function callNotes(call: CallSnapshot, snapshot: PhoneSnapshot): string[] {
  const notes: string[] = [];
  if (call.muted) notes.push(t('call_note_muted'));
  if (call.remoteHold && !call.held) notes.push(t('call_note_remote_hold'));
  if (call.referredTo) notes.push(t('call_note_being_transferred', { target: bare(call.referredTo) }));
  if (call.referredBy) notes.push(t('call_note_transferred_by', { name: call.referredBy }));
  const original = call.consultFor ? snapshot.calls.find((c) => c.id === call.consultFor) : undefined;
  if (original) notes.push(t('call_note_consulting', { name: remoteName(original) }));
  if (call.transfer?.state === 'consulting') notes.push(t('call_note_transfer_consulting', { target: bare(call.transfer.target) }));
  if (call.transfer?.state === 'transferring') notes.push(t('call_note_transferring', { target: bare(call.transfer.target) }));
  if (call.transfer?.state === 'failed') notes.push(call.transfer.error ? say(call.transfer.error) : t('call_note_transfer_failed'));
  return notes;
}

export function CallCard({ call, snapshot, actions, run, dtmfSent = '', onTone }: Props) {
  const elapsed = useElapsed(call.answeredAt ?? call.createdAt);
  // With several accounts, which line the call is on (the one it came in on, or went out from).
  const line = lineName(snapshot, call.accountId);
  const [panel, setPanel] = useState<'none' | 'keypad' | 'transfer'>('none');
  const ringingIn = call.direction === 'incoming' && call.state === 'ringing';
  const waiting = isWaiting(call, snapshot.calls);
  const connected = call.state === 'active';
  const isActive = snapshot.activeCallId === call.id;
  const toggle = (which: 'keypad' | 'transfer') => setPanel((p) => (p === which ? 'none' : which));
  const requestFocus = useFocusRequest();
  // A closed panel gives focus back to the button that opened it.
  const openers = { keypad: useRef<HTMLButtonElement>(null), transfer: useRef<HTMLButtonElement>(null) };
  const closePanel = () => {
    if (panel === 'none') return false;
    const opener = openers[panel].current;
    setPanel('none');
    requestFocus(() => opener);
    return true;
  };
  // Hold and Resume are one control for the user: focus follows it from one to the other.
  const hold = (held: boolean) => {
    requestFocus(focusable(held ? 'resume' : 'hold', call.id));
    void run(() => (held ? actions.hold(call.id, true) : actions.switchTo(call.id)));
  };
  // What the buttons offer is what the call's transition table allows (shared/call-table.ts).
  const allowed = allowedCommands(call);
  const can = (command: CallCommand) => allowed.includes(command);
  const cancelTransfer = can('cancelTransfer') && (
    <button type="button" onClick={() => void run(() => actions.cancelTransfer(call.id))}>
      {t('call_cancel_transfer')}
    </button>
  );
  const hangup = (
    <button type="button" class="hangup" data-focus="hangup" onClick={() => void run(() => actions.hangup(call.id))}>
      {t('call_hang_up')}
    </button>
  );
  return (
    <article
      class={`call ${call.state}${isActive ? ' current' : ''}${call.held ? ' held' : ''}`}
      data-call-id={call.id}
      data-direction={call.direction}
      aria-label={t('call_with', { name: remoteName(call) })}
      onKeyDown={(event) => {
        // Escape closes the keypad or the transfer form, wherever focus is in the card.
        if (event.key === 'Escape' && closePanel()) {
          event.preventDefault();
          event.stopPropagation();
        }
      }}
    >
      <div class="call-who">
        <span class="call-name">{remoteName(call)}</span>
        <span class="call-uri">{call.remote.uri}</span>
        {line !== undefined && (
          <span class="call-line" data-testid="call-line">
            {t(call.direction === 'incoming' ? 'call_to_line' : 'call_from_line', { line })}
          </span>
        )}
      </div>
      <div class="call-meta">
        <span class="call-state">{waiting ? t('call_waiting') : describeCallState(call)}</span>
        <span class="call-duration" role="timer" aria-label={t('call_duration')}>
          {elapsed}
        </span>
      </div>
      {callNotes(call, snapshot).map((note) => (
        <p key={note} class="call-note">
          {note}
        </p>
      ))}
      {ringingIn && can('answer') && (
        <div class="call-buttons">
          <button
            type="button"
            class="answer"
            data-focus="answer"
            onClick={() => {
              requestFocus(focusable('hangup', call.id));
              void run(() => actions.answer(call.id));
            }}
            title={waiting ? t('call_answer_waiting_title') : undefined}
          >
            {t('call_answer')}
          </button>
          <button type="button" class="hangup" onClick={() => void run(() => actions.decline(call.id))}>
            {t('call_decline')}
          </button>
        </div>
      )}
      {!ringingIn && !connected && (
        <div class="call-buttons">
          {hangup}
          {cancelTransfer}
        </div>
      )}
      {connected && call.held && (
        <div class="call-buttons">
          <button type="button" class="answer" data-focus="resume" onClick={() => hold(false)}>
            {t('call_resume')}
          </button>
          {hangup}
        </div>
      )}
      {connected && !call.held && (
        <>
          <div class="call-buttons">
            <button type="button" aria-pressed={call.muted} onClick={() => void run(() => actions.setMuted(call.id, !call.muted))}>
              {call.muted ? t('call_unmute') : t('call_mute')}
            </button>
            {can('hold') && (
              <button type="button" data-focus="hold" onClick={() => hold(true)}>
                {t('call_hold')}
              </button>
            )}
            {can('dtmf') && (
              <button type="button" ref={openers.keypad} aria-expanded={panel === 'keypad'} onClick={() => toggle('keypad')}>
                {t('call_keypad')}
              </button>
            )}
            {can('transfer') && !call.consultFor && (
              <button type="button" ref={openers.transfer} aria-expanded={panel === 'transfer'} onClick={() => toggle('transfer')}>
                {t('call_transfer')}
              </button>
            )}
          </div>
          {can('completeTransfer') && (
            <div class="call-buttons">
              <button type="button" class="answer" onClick={() => void run(() => actions.completeTransfer(call.id))}>
                {t('call_complete_transfer')}
              </button>
              {cancelTransfer}
            </div>
          )}
          <div class="call-buttons">{hangup}</div>
          {panel === 'keypad' && onTone && <CallKeypad sent={dtmfSent} onTone={onTone} />}
          {panel === 'transfer' && (
            <TransferForm
              onBlind={(target) => run(() => actions.transfer(call.id, target))}
              onConsult={(target) => run(() => actions.consult(call.id, target))}
              onClose={closePanel}
            />
          )}
        </>
      )}
    </article>
  );
}
