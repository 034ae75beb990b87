import { useEffect, useState } from 'preact/hooks';
import { describeCallState, formatDuration, remoteName } from '../shared/describe-state';
import type { PhoneActions } from '../shared/phone-actions';
import type { CallSnapshot } from '../shared/snapshot';

interface Props {
  call: CallSnapshot;
  actions: PhoneActions;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
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

export function CallCard({ call, actions, run }: Props) {
  const elapsed = useElapsed(call.answeredAt ?? call.createdAt);
  const ringingIn = call.direction === 'incoming' && call.state === 'ringing';
  return (
    <article class={`call ${call.state}`} data-call-id={call.id} aria-label={`Call with ${remoteName(call)}`}>
      <div class="call-who">
        <span class="call-name">{remoteName(call)}</span>
        <span class="call-uri">{call.remote.uri}</span>
      </div>
      <div class="call-meta">
        <span class="call-state">{describeCallState(call)}</span>
        <span class="call-duration" aria-label="Duration">
          {elapsed}
        </span>
      </div>
      <div class="call-buttons">
        {ringingIn ? (
          <>
            <button type="button" class="answer" onClick={() => void run(() => actions.answer(call.id))}>
              Answer
            </button>
            <button type="button" class="hangup" onClick={() => void run(() => actions.decline(call.id))}>
              Decline
            </button>
          </>
        ) : (
          <button type="button" class="hangup" onClick={() => void run(() => actions.hangup(call.id))}>
            Hang up
          </button>
        )}
      </div>
    </article>
  );
}
