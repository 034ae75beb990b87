// The recent-calls list kept in storage.local: written by the service worker
// from 'phone.callEnded', read by the popup. Pure, so both can share it. How
// it is stored and read back: shared/stored-call-history.ts.
import type { CallDirection, CallOutcome, EndedCall, RemoteParty } from './snapshot';
import { t } from './i18n';
import { clipWords, say, type Words } from './words';

export interface HistoryEntry {
  id: string;
  direction: CallDirection;
  outcome: CallOutcome;
  remote: RemoteParty;
  startedAt: number;
  endedAt: number;
  /** Talk time in ms; 0 when never answered. */
  durationMs: number;
  /** The account the call was on, and its address then (kept when the account is removed). Absent in 0.1's entries. */
  accountId?: string;
  accountAor?: string;
  /** Why the call failed or was dropped, as words to say in the UI language (absent for other outcomes and in older entries). */
  reason?: Words;
  /** The same, as English text: what entries written before the reason was kept as words hold (version 1). */
  reasonText?: string;
}

export const HISTORY_KEY = 'callHistory';
export const HISTORY_LIMIT = 100;
/** The longest reason text, and the longest text filled into a reason's words, kept with an entry. */
export const HISTORY_REASON_LIMIT = 300;

export function historyEntry({ call, outcome, endedAt, reason }: EndedCall, accountAor?: string): HistoryEntry {
  return {
    accountId: call.accountId,
    ...(accountAor !== undefined ? { accountAor } : {}),
    ...(reason !== undefined ? { reason: clipWords(reason, HISTORY_REASON_LIMIT) } : {}),
    id: call.id,
    direction: call.direction,
    outcome,
    remote: { ...call.remote },
    startedAt: call.createdAt,
    endedAt,
    durationMs: call.answeredAt === undefined ? 0 : Math.max(0, endedAt - call.answeredAt),
  };
}

/** Newest first, one entry per call id, at most HISTORY_LIMIT. */
export function addToHistory(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...history.filter((e) => e.id !== entry.id)].slice(0, HISTORY_LIMIT);
}

/** Why the call failed or was dropped, in the UI language (an older entry's reason as it was kept). */
export function historyReason(entry: HistoryEntry): string | undefined {
  return entry.reason !== undefined ? say(entry.reason) : entry.reasonText;
}

/** "Missed", "Outgoing", ... as the history list says it. */
export function describeHistoryEntry(entry: HistoryEntry): string {
  switch (entry.outcome) {
    case 'missed':
      return t('history_missed');
    case 'declined':
      return t('history_declined');
    case 'answered-elsewhere':
      return t('history_answered_elsewhere');
    case 'failed':
      return entry.direction === 'outgoing' ? t('history_outgoing_failed') : t('history_incoming_failed');
    case 'cancelled':
      return entry.direction === 'outgoing' ? t('history_outgoing_not_answered') : t('history_missed');
    case 'dropped':
      return entry.direction === 'outgoing' ? t('history_outgoing_dropped') : t('history_incoming_dropped');
    case 'completed':
      return entry.direction === 'outgoing' ? t('history_outgoing') : t('history_incoming');
  }
}
