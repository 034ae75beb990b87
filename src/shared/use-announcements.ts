// What a page's live regions (shared/live-regions.tsx) say: the words of
// shared/announcements.ts for each change of the phone's snapshot and each
// call that ends or message that arrives. The page's first snapshot is the
// baseline and is not said (the page shows it), except the calls of a page
// that opened for them (the call window): those are said as they came in.
import { useEffect, useRef, useState } from 'preact/hooks';
import { endedAnnouncement, messageAnnouncement, snapshotAnnouncements, type Announcements } from './announcements';
import { onPhoneEvent } from './phone-events';
import type { PhoneSnapshot } from './snapshot';
import type { Spoken } from './live-regions';

/**
 * The same sentence twice in a row would not change the region, and would
 * not be said again: every other one carries a trailing no-break space.
 */
function say(previous: string, parts: string[]): string {
  const text = parts.join(' ');
  return previous.trimEnd() === text && !previous.endsWith('\u00a0') ? `${text}\u00a0` : text;
}

/**
 * What the page's live regions say now. `calls`: also ringing, waiting,
 * answered, held and ended calls and new messages (the popup); otherwise
 * registration changes only (the options).
 */
export function useAnnouncements(
  snapshot: PhoneSnapshot,
  loaded: boolean,
  { calls, openedForCalls = false }: { calls: boolean; openedForCalls?: boolean },
): Spoken {
  const [spoken, setSpoken] = useState<Spoken>({ polite: '', assertive: '' });
  const before = useRef<PhoneSnapshot | undefined>(undefined);
  const speak = ({ polite, assertive }: Announcements) => {
    if (polite.length === 0 && assertive.length === 0) return;
    setSpoken((now) => ({
      polite: polite.length > 0 ? say(now.polite, polite) : now.polite,
      assertive: assertive.length > 0 ? say(now.assertive, assertive) : now.assertive,
    }));
  };
  useEffect(() => {
    if (!loaded) return;
    const previous = before.current ?? (openedForCalls ? { ...snapshot, calls: [] } : undefined);
    before.current = snapshot;
    if (previous) speak(snapshotAnnouncements(previous, snapshot, { calls }));
  }, [snapshot, loaded]);
  useEffect(() => {
    if (!calls) return undefined;
    const offEnded = onPhoneEvent('phone.callEnded', (ended) => speak({ polite: [endedAnnouncement(ended)], assertive: [] }));
    const offMessage = onPhoneEvent('phone.messageReceived', (message) => speak({ polite: [messageAnnouncement(message)], assertive: [] }));
    return () => {
      offEnded();
      offMessage();
    };
  }, [calls]);
  return spoken;
}
