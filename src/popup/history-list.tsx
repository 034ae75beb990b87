import { callBackTarget } from '../shared/call-back';
import { partyName } from '../shared/call-selectors';
import { describeHistoryEntry, type HistoryEntry } from '../shared/call-history';
import { formatDuration } from '../shared/describe-state';

interface Props {
  history: HistoryEntry[];
  /** The user's own address: a call-back goes to the caller's host only when it is this one's. */
  aor: string | undefined;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  onCall: (uri: string) => Promise<unknown>;
  onClear: () => Promise<unknown>;
}

function when(at: number): string {
  const date = new Date(at);
  const today = new Date().toDateString() === date.toDateString();
  return today
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
}

/** Recent calls, newest first, each one click from calling back. */
export function HistoryList({ history, aor, run, onCall, onClear }: Props) {
  if (history.length === 0) return <p class="empty">No calls yet.</p>;
  return (
    <section class="history" aria-label="Call history">
      <ul>
        {history.map((entry) => {
          const name = partyName(entry.remote);
          const kind = describeHistoryEntry(entry);
          // A call the user placed goes back where they called; a caller's address is theirs to choose, so not.
          const target = entry.direction === 'outgoing' ? entry.remote.uri : callBackTarget(entry.remote, aor);
          return (
            <li key={entry.id} class={`history-entry ${entry.outcome}`} data-outcome={entry.outcome} data-direction={entry.direction}>
              <div class="history-who">
                <span class="history-name">{name}</span>
                <span class="history-kind">{kind}</span>
              </div>
              <div class="history-meta">
                <time dateTime={new Date(entry.startedAt).toISOString()}>{when(entry.startedAt)}</time>
                {entry.durationMs > 0 && <span class="history-duration">{formatDuration(entry.durationMs)}</span>}
              </div>
              {target && (
                <button type="button" aria-label={`Call back ${entry.remote.user}`} onClick={() => void run(() => onCall(target))}>
                  Call back
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" class="link" onClick={() => void run(onClear)}>
        Clear history
      </button>
    </section>
  );
}
