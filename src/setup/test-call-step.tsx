// Setup step 4: a call to a number the user types (the PBX's echo test is the
// usual one), placed and shown as any call is, with Hang up. A call that was
// answered marks the step done.
import { useEffect, useState } from 'preact/hooks';
import { isRegistered } from '../shared/account-selectors';
import { describeCallState, remoteName } from '../shared/describe-state';
import { request } from '../shared/messenger';
import type { PhoneSnapshot } from '../shared/snapshot';
import { t } from '../shared/i18n';
import { Sentence } from '../shared/sentence';

/** The usual echo-test numbers of three PBXs: dial strings, the same in every language. */
const ECHO_TESTS = { asterisk: '*43', freeswitch: '9196', threecx: '*777' };
import { say } from '../shared/words';

interface Props {
  snapshot: PhoneSnapshot;
  number: string;
  onNumber: (number: string) => void;
  /** The far end answered: calls work. */
  onAnswered: () => void;
  goToAccount: () => void;
}

export function TestCallStep({ snapshot, number, onNumber, onAnswered, goToAccount }: Props) {
  const [callId, setCallId] = useState<string>();
  const [placedAt, setPlacedAt] = useState(0);
  const [answered, setAnswered] = useState(false);
  const [error, setError] = useState<string>();
  const call = snapshot.calls.find((c) => c.id === callId);
  useEffect(() => {
    if (call?.state !== 'active' || answered) return;
    setAnswered(true);
    onAnswered();
  }, [call?.state, answered, onAnswered]);

  if (!snapshot.accounts.some(isRegistered)) {
    return (
      <>
        <p>{t('setup_test_call_needs_account')}</p>
        <button type="button" onClick={goToAccount}>
          {t('setup_test_call_go_to_account')}
        </button>
      </>
    );
  }

  const place = (event: Event) => {
    event.preventDefault();
    setError(undefined);
    const target = number.trim();
    if (!target) {
      setError(t('setup_test_call_no_number'));
      return;
    }
    setAnswered(false);
    setPlacedAt(Date.now());
    request('phone.call', { target }).then(
      ({ callId: id }) => setCallId(id),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  const hangUp = (id: string) => request('phone.hangup', { callId: id }).catch((e: unknown) => setError(String(e)));
  const notice = snapshot.notice && snapshot.notice.at >= placedAt ? say(snapshot.notice.words) : '';
  const words = call
    ? t('setup_test_call_state', { state: describeCallState(call), name: remoteName(call) })
    : callId
      ? answered
        ? t('setup_test_call_worked')
        : notice
          ? t('setup_test_call_unanswered_why', { reason: notice })
          : t('setup_test_call_unanswered')
      : '';
  return (
    <form onSubmit={place} noValidate>
      <p>
        <Sentence
          message="setup_test_call_intro"
          parts={{
            asterisk: <code>{ECHO_TESTS.asterisk}</code>,
            freeswitch: <code>{ECHO_TESTS.freeswitch}</code>,
            threecx: <code>{ECHO_TESTS.threecx}</code>,
          }}
        />
      </p>
      <label class="field">
        <span>{t('setup_test_call_number')}</span>
        <input type="text" name="testNumber" autoComplete="off" value={number} onInput={(e) => onNumber(e.currentTarget.value)} />
      </label>
      <div class="step-nav">
        {call ? (
          <button type="button" class="danger" onClick={() => void hangUp(call.id)}>
            {t('call_hang_up')}
          </button>
        ) : (
          <button type="submit" class="primary">
            {t('dial_call')}
          </button>
        )}
      </div>
      <p role="status" data-testid="test-call-state">
        {words}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
