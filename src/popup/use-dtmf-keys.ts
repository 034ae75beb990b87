import { useEffect, useRef, useState } from 'preact/hooks';
import type { PhoneActions } from '../shared/phone-actions';

const TONE_KEY = /^[0-9*#]$/;

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/**
 * Key tones for the active call, from the keypad and from the keyboard's digits
 * while the popup has focus (not while typing in a field). Remembers what was
 * sent per call, to show it.
 */
export function useDtmf(
  activeCallId: string | undefined,
  actions: PhoneActions,
  run: (action: () => Promise<unknown>) => Promise<boolean>,
): { sent: Record<string, string>; send: (callId: string, tone: string) => void } {
  const [sent, setSent] = useState<Record<string, string>>({});
  // One tone at a time, in order: requests sent together can overtake each
  // other on their way through the service worker (a PIN typed fast would
  // arrive scrambled).
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const send = (callId: string, tone: string) => {
    // Shown at once: tones are fire-and-forget for the user, an error replaces them.
    setSent((all) => ({ ...all, [callId]: `${all[callId] ?? ''}${tone}`.slice(-24) }));
    queue.current = queue.current.then(() => run(() => actions.sendDtmf(callId, tone)));
  };
  useEffect(() => {
    if (!activeCallId) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || typingInField(e.target) || !TONE_KEY.test(e.key)) return;
      e.preventDefault();
      send(activeCallId, e.key);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
  return { sent, send };
}
