import { accountById, accountLabel, defaultAccount } from '../shared/account-selectors';
import { callBackTarget } from '../shared/call-back';
import { callerName, currentDirectory } from '../shared/caller-name';
import { formatNumber } from '../shared/number-display';
import { describeHistoryEntry, historyReason, type HistoryEntry } from '../shared/call-history';
import { formatDuration } from '../shared/describe-state';
import type { PhoneSnapshot } from '../shared/snapshot';
import { formatDateTime, formatTime, t } from '../shared/i18n';

interface Props {
  history: HistoryEntry[];
  /** The phone's accounts: a call back goes out on the call's own account, to the caller's host only when it is that account's. */
  snapshot: PhoneSnapshot;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  onCall: (uri: string, accountId: string | undefined) => Promise<unknown>;
  onClear: () => Promise<unknown>;
}

function when(at: number): string {
  const today = new Date().toDateString() === new Date(at).toDateString();
  return today ? formatTime(at) : formatDateTime(at);
}

/** Recent calls, newest first, each one click from calling back. */
export function HistoryList({ history, snapshot, run, onCall, onClear }: Props) {
  if (history.length === 0) return <p class="empty">{t('history_empty')}</p>;
  return (
    <section class="history" aria-label={t('history_label')}>
      <ul>
        {history.map((entry) => {
          // The contact's name, else the PBX's display name (kept with each entry), else the number (popup/use-caller-names.ts).
          const directory = currentDirectory();
          const name = callerName(entry.remote, directory);
          const number = formatNumber(entry.remote.user, directory.country);
          const kind = describeHistoryEntry(entry);
          // Back on the line the call was on while that account exists, else on the default one.
          const account = accountById(snapshot, entry.accountId) ?? defaultAccount(snapshot);
          // A call the user placed goes back where they called; a caller's address is theirs to choose, so not.
          const target = entry.direction === 'outgoing' ? entry.remote.uri : callBackTarget(entry.remote, account?.aor);
          const line = snapshot.accounts.length > 1 && entry.accountAor !== undefined ? accountLabel(entry.accountAor) : undefined;
          return (
            <li key={entry.id} class={`history-entry ${entry.outcome}`} data-outcome={entry.outcome} data-direction={entry.direction}>
              <div class="history-who">
                <span class="history-name">{name}</span>
                {number !== name && <span class="history-number">{number}</span>}
                <span class="history-kind">
                  {kind}
                  {line !== undefined && (
                    <span class="history-line">
                      {' '}
                      {t(entry.direction === 'incoming' ? 'history_to_line' : 'history_from_line', { line })}
                    </span>
                  )}
                </span>
              </div>
              <div class="history-meta">
                <time dateTime={new Date(entry.startedAt).toISOString()}>{when(entry.startedAt)}</time>
                {entry.durationMs > 0 && <span class="history-duration">{formatDuration(entry.durationMs)}</span>}
              </div>
              {historyReason(entry) !== undefined && <p class="history-reason">{historyReason(entry)}</p>}
              {target && (
                <button
                  type="button"
                  aria-label={t('history_call_back_label', { user: entry.remote.user })}
                  onClick={() => void run(() => onCall(target, account?.id))}
                >
                  {t('history_call_back')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" class="link" onClick={() => void run(onClear)}>
        {t('history_clear')}
      </button>
    </section>
  );
}
