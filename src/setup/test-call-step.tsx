// Setup step 4: a call to a number the user types (the PBX's echo test is the
// usual one), placed and shown as any call is, with Hang up. A call that was
// answered marks the step done.
import { useEffect, useState } from 'preact/hooks';
import { isRegistered } from '../shared/account-selectors';
import { describeCallState, remoteName } from '../shared/describe-state';
import { request } from '../shared/messenger';
import type { PhoneSnapshot } from '../shared/snapshot';
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
        <p>A test call needs a registered account.</p>
        <button type="button" onClick={goToAccount}>
          Go to the account step
        </button>
      </>
    );
  }

  const place = (event: Event) => {
    event.preventDefault();
    setError(undefined);
    const target = number.trim();
    if (!target) {
      setError('Enter the number to call.');
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
  const notice = snapshot.notice && snapshot.notice.at >= placedAt ? ` ${say(snapshot.notice.words)}` : '';
  const words = call
    ? `${describeCallState(call)} (${remoteName(call)})`
    : callId
      ? answered
        ? 'The test call got through and has ended: calls work.'
        : `The test call ended before it was answered.${notice}`
      : '';
  return (
    <form onSubmit={place} noValidate>
      <p>
        Call a number to hear that calls work, and that the other side hears you. Many PBXs have an echo test that plays back what you say
        (Asterisk often <code>*43</code>, FreeSWITCH <code>9196</code>, 3CX <code>*777</code>); ask your administrator if unsure, or call a
        colleague.
      </p>
      <label class="field">
        <span>Number to call</span>
        <input type="text" name="testNumber" autoComplete="off" value={number} onInput={(e) => onNumber(e.currentTarget.value)} />
      </label>
      <div class="step-nav">
        {call ? (
          <button type="button" class="danger" onClick={() => void hangUp(call.id)}>
            Hang up
          </button>
        ) : (
          <button type="submit" class="primary">
            Call
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
