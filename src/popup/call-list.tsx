import { useState } from 'preact/hooks';
import type { PhoneActions } from '../shared/phone-actions';
import type { PhoneSnapshot } from '../shared/snapshot';
import type { CallSnapshot } from '../shared/snapshot';
import { CallCard } from './call-card';
import { CallSummary } from './call-summary';
import { useEndedCall } from './use-ended-call';
import { Dialer } from './dialer';
import { useDtmf } from './use-dtmf-keys';
import { focusable, useFocusRequest } from './focus-keeper';
import { t } from '../shared/i18n';

interface Props {
  snapshot: PhoneSnapshot;
  actions: PhoneActions;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}

/** A ringing call first (it wants an answer now), then the calls being talked on or placed, held calls last. */
const rank = (call: CallSnapshot): number => (call.direction === 'incoming' && call.state === 'ringing' ? 0 : call.held ? 2 : 1);

/** After a summary is closed: the dial field, else New call, else the current call's Hang up. */
const afterSummary = () =>
  document.querySelector<HTMLElement>('[data-focus="dial"]') ??
  document.querySelector<HTMLElement>('button.new-call:not(:disabled)') ??
  document.querySelector<HTMLElement>('article.call.current [data-focus="hangup"]');

/**
 * The calls (sorted by rank), the summary of the one that just ended, and the
 * dial pad. During calls the dial pad hides behind "New call", so that the
 * keyboard's digits go to the active call as key tones.
 */
export function CallList({ snapshot, actions, run }: Props) {
  const [dialing, setDialing] = useState(false);
  const { sent, send } = useDtmf(snapshot.activeCallId, actions, run);
  const calls = snapshot.calls;
  // Sorting is stable: calls of one rank keep the phone's order.
  const ordered = [...calls].sort((a, b) => rank(a) - rank(b));
  const { ended, dismiss } = useEndedCall();
  const known = ended !== undefined && snapshot.accounts.some((a) => a.id === ended.call.accountId);
  const full = calls.length >= snapshot.maxCalls;
  const requestFocus = useFocusRequest();
  return (
    <>
      <section class="calls" aria-label={t('calls_label')}>
        {ordered.map((call) => (
          <CallCard
            key={call.id}
            call={call}
            snapshot={snapshot}
            actions={actions}
            run={run}
            dtmfSent={sent[call.id] ?? ''}
            onTone={(tone) => send(call.id, tone)}
          />
        ))}
      </section>
      {ended && (
        <CallSummary
          ended={ended}
          onClose={() => {
            dismiss();
            requestFocus(afterSummary);
          }}
          onRedial={() => {
            dismiss();
            requestFocus(() => document.querySelector<HTMLElement>('article.call.current [data-focus="hangup"]'));
            // The same address, from the same line while it is still set up.
            void run(() => actions.call(ended.call.remote.uri, known ? ended.call.accountId : undefined));
          }}
        />
      )}
      {snapshot.accounts.length > 0 && calls.length > 0 && !dialing && (
        <button
          type="button"
          class="new-call"
          disabled={full}
          onClick={() => {
            setDialing(true);
            requestFocus(focusable('dial'));
          }}
        >
          {full ? t('new_call_full', { count: snapshot.maxCalls }) : t('new_call')}
        </button>
      )}
      {snapshot.accounts.length > 0 && (calls.length === 0 || dialing) && (
        <Dialer
          snapshot={snapshot}
          actions={actions}
          onEscape={
            calls.length > 0
              ? () => {
                  setDialing(false);
                  requestFocus(() => document.querySelector<HTMLElement>('button.new-call'));
                }
              : undefined
          }
          run={async (action) => {
            const ok = await run(action);
            if (ok) setDialing(false);
            return ok;
          }}
        />
      )}
    </>
  );
}
