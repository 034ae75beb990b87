import { useState } from 'preact/hooks';
import type { PhoneActions } from '../shared/phone-actions';
import type { PhoneSnapshot } from '../shared/snapshot';
import { CallCard } from './call-card';
import { Dialer } from './dialer';
import { useDtmf } from './use-dtmf-keys';
import { focusable, useFocusRequest } from './focus-keeper';
import { t } from '../shared/i18n';

interface Props {
  snapshot: PhoneSnapshot;
  actions: PhoneActions;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}

/**
 * The calls, and the dial pad. During calls the dial pad hides behind "New
 * call", so that the keyboard's digits go to the active call as key tones.
 */
export function CallList({ snapshot, actions, run }: Props) {
  const [dialing, setDialing] = useState(false);
  const { sent, send } = useDtmf(snapshot.activeCallId, actions, run);
  const calls = snapshot.calls;
  const full = calls.length >= snapshot.maxCalls;
  const requestFocus = useFocusRequest();
  return (
    <>
      <section class="calls" aria-label={t('calls_label')}>
        {calls.map((call) => (
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
