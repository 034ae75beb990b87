import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { lineName } from '../shared/account-selectors';
import { isWaiting } from '../shared/call-selectors';
import { allowedCommands, type CallCommand } from '../shared/call-table';
import { describeCallState, formatDuration, remoteName } from '../shared/describe-state';
import type { PhoneActions } from '../shared/phone-actions';
import type { CallSnapshot, PhoneSnapshot } from '../shared/snapshot';
import { CallKeypad } from './call-keypad';
import { TransferForm } from './transfer-form';
import { CallVideo, SwitchCamera } from './call-video';
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

/**
 * One call as a card. Its width never depends on its words: the in-call toggles (Mute, Hold,
 * Keypad, Transfer) sit in a grid of equal columns and keep their labels, their on/off state
 * is aria-pressed, shown by an inverted fill and a filled mark (not colour alone); long names,
 * numbers and translations wrap inside the card instead of pushing controls out of it.
 * A ringing call is drawn larger (call-list.tsx puts it on top); a held call is one line:
 * the party, "On hold", Resume (and Hang up). A call ringing during another (call waiting)
 * offers "Hold and answer" and "End and answer".
 */

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
  // Answered, focus goes to the call's Hang up (the Answer button is gone with the ringing).
  const answer = (others?: 'end', video = false) => {
    requestFocus(focusable('hangup', call.id));
    void run(() => (others || video ? actions.answer(call.id, { ...(others ? { others } : {}), video }) : actions.answer(call.id)));
  };
  // What the buttons offer is what the call's transition table allows (shared/call-table.ts).
  const allowed = allowedCommands(call);
  const can = (command: CallCommand) => allowed.includes(command);
  const cancelTransfer = can('cancelTransfer') && (
    <button type="button" onClick={() => void run(() => actions.cancelTransfer(call.id))}>
      {t('call_cancel_transfer')}
    </button>
  );
  // The consultation call of an attended transfer, held or not: join the two parties, or go back.
  const completeTransfer = can('completeTransfer') && (
    <div class="call-buttons">
      <button type="button" class="answer" onClick={() => void run(() => actions.completeTransfer(call.id))}>
        {t('call_complete_transfer')}
      </button>
      {cancelTransfer}
    </div>
  );
  const hangup = (
    <button type="button" class="hangup" data-focus="hangup" onClick={() => void run(() => actions.hangup(call.id))}>
      {t('call_hang_up')}
    </button>
  );
  const state = <span class="call-state">{waiting ? t('call_waiting') : describeCallState(call)}</span>;
  const timer = (
    <span class="call-duration" role="timer" aria-label={t('call_duration')}>
      {elapsed}
    </span>
  );
  const notes = callNotes(call, snapshot).map((note) => (
    <p key={note} class="call-note">
      {note}
    </p>
  ));
  const classes = ['call', call.state, isActive && 'current', call.held && 'held', ringingIn && 'incoming', waiting && 'waiting'];
  const article = (children: ComponentChildren) => (
    <article
      class={classes.filter(Boolean).join(' ')}
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
      {children}
    </article>
  );

  // Held: one line (the party, "On hold" and its time, Resume, Hang up), notes below.
  if (connected && call.held) {
    return article(
      <>
        <div class="call-line-row">
          <div class="call-who">
            <span class="call-name">{remoteName(call)}</span>
            <span class="call-meta">
              {state}
              {timer}
            </span>
          </div>
          {can('resume') && (
            <button type="button" class="answer" data-focus="resume" onClick={() => hold(false)}>
              {t('call_resume')}
            </button>
          )}
          {hangup}
        </div>
        {notes}
        {completeTransfer}
      </>,
    );
  }

  return article(
    <>
      <div class="call-head">
        <div class="call-who">
          <span class="call-name">{remoteName(call)}</span>
          <span class="call-uri">{call.remote.uri}</span>
          {line !== undefined && (
            <span class="call-line" data-testid="call-line">
              {t(call.direction === 'incoming' ? 'call_to_line' : 'call_from_line', { line })}
            </span>
          )}
        </div>
        {timer}
      </div>
      <div class="call-meta">{state}</div>
      {notes}
      <CallVideo call={call} />
      {ringingIn && can('answer') && waiting && (
        <div class="call-buttons answer-choices">
          <button type="button" class="answer wide" data-focus="answer" title={t('call_answer_waiting_title')} onClick={() => answer()}>
            {t('card_hold_and_answer')}
          </button>
          <button type="button" class="answer" title={t('card_end_and_answer_title')} onClick={() => answer('end')}>
            {t('card_end_and_answer')}
          </button>
          <button type="button" class="hangup" onClick={() => void run(() => actions.decline(call.id))}>
            {t('call_decline')}
          </button>
        </div>
      )}
      {ringingIn && can('answer') && !waiting && (
        <div class="call-buttons answer-choices">
          <button type="button" class="answer" data-focus="answer" onClick={() => answer()}>
            {t('call_answer')}
          </button>
          {call.video && (
            <button type="button" class="answer" onClick={() => answer(undefined, true)}>
              {t('video_answer')}
            </button>
          )}
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
      {connected && (
        <>
          <div class="call-toggles" role="group" aria-label={t('card_controls_label')}>
            <Toggle pressed={call.muted} label={t('call_mute')} onClick={() => void run(() => actions.setMuted(call.id, !call.muted))} />
            {can('hold') && <Toggle pressed={false} focus="hold" label={t('call_hold')} onClick={() => hold(true)} />}
            {can('dtmf') && (
              <Toggle pressed={panel === 'keypad'} buttonRef={openers.keypad} label={t('call_keypad')} onClick={() => toggle('keypad')} />
            )}
            {can('transfer') && !call.consultFor && (
              <Toggle
                pressed={panel === 'transfer'}
                buttonRef={openers.transfer}
                label={t('call_transfer')}
                onClick={() => toggle('transfer')}
              />
            )}
            {call.video && can('camera') && (
              <Toggle
                pressed={call.video.camera}
                focus="camera"
                label={t('video_camera')}
                onClick={() => void run(() => actions.setCamera(call.id, call.video?.camera ? 'off' : 'on'))}
              />
            )}
            {call.video?.camera && can('camera') && <SwitchCamera call={call} actions={actions} run={run} />}
          </div>
          {completeTransfer}
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
    </>,
  );
}

interface ToggleProps {
  pressed: boolean;
  label: string;
  onClick: () => void;
  focus?: 'hold' | 'camera';
  buttonRef?: Ref<HTMLButtonElement>;
}

/** An on/off control whose name stays the same (aria-pressed says the state); its mark fills when on. */
function Toggle({ pressed, label, onClick, focus, buttonRef }: ToggleProps) {
  return (
    <button type="button" class="toggle" aria-pressed={pressed} data-focus={focus} ref={buttonRef} onClick={onClick}>
      <span class="toggle-mark" aria-hidden="true" />
      <span class="toggle-label">{label}</span>
    </button>
  );
}
