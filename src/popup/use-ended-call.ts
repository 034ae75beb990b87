// The call that just ended, for the end-of-call summary (call-summary.tsx):
//
//   none ──a call of ours ends (answered, or one we placed)──▶ shown
//   shown ──another ends──▶ shown (the newer one)
//   shown ──dismissed (Close, Redial) or SUMMARY_MS pass──▶ none
//
// Missed and declined incoming calls get none: the toolbar, the notification
// and the history already say them, and "Redial" would not fit them.
import { useEffect, useState } from 'preact/hooks';
import { onPhoneEvent } from '../shared/phone-events';
import type { EndedCall } from '../shared/snapshot';

/** How long a summary stays when the user does nothing with it. */
export const SUMMARY_MS = 60_000;

/** Worth a summary: a call that was answered, or one the user placed (Redial tries again). */
export function wantsSummary({ call, outcome }: EndedCall): boolean {
  if (outcome === 'answered-elsewhere') return false;
  return call.answeredAt !== undefined || call.direction === 'outgoing';
}

export function useEndedCall(): { ended: EndedCall | undefined; dismiss: () => void } {
  const [ended, setEnded] = useState<EndedCall | undefined>(undefined);
  useEffect(
    () =>
      onPhoneEvent('phone.callEnded', (call) => {
        if (wantsSummary(call)) setEnded(call);
      }),
    [],
  );
  useEffect(() => {
    if (!ended) return undefined;
    const timer = setTimeout(() => setEnded((now) => (now === ended ? undefined : now)), SUMMARY_MS);
    return () => clearTimeout(timer);
  }, [ended]);
  return { ended, dismiss: () => setEnded(undefined) };
}
