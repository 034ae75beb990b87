// Where keyboard focus goes in the popup when the phone changes under it. A
// button that did its work often goes away with it (Call, Answer, Hold, Hang
// up), and focus would fall back to <body>: a keyboard user would have to
// start again from the top, a screen reader would say nothing.
//
//   idle ──a call starts ringing──▶ wanted: its Answer
//   idle ──an action asks (focusNext)──▶ wanted: what it named
//   wanted ──it is in the page──▶ focused ──▶ idle
//   wanted ──WANTED_MS pass──▶ idle (it never came: the call ended, the action failed)
//   after every render, with nothing wanted and focus on <body>:
//     the ringing call's Answer, else the current call's Hang up, else any
//     call's, else the dial field, else New call, else the selected tab
import { createContext } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import { ringingCalls } from '../shared/call-selectors';
import type { PhoneSnapshot } from '../shared/snapshot';

/** Finds the element to focus, once it is in the page. */
export type Finder = () => HTMLElement | null | undefined;

/** How long a wish for focus waits for its element. */
export const WANTED_MS = 10_000;
const RETRY_MS = [0, 50, 250];

/** The buttons and fields focus may land on, by their data-focus name. */
export const focusable = (name: 'answer' | 'hangup' | 'hold' | 'resume' | 'dial', callId?: string): Finder => {
  const scope = callId === undefined ? '' : `article.call[data-call-id="${CSS.escape(callId)}"] `;
  return () => document.querySelector<HTMLElement>(`${scope}[data-focus="${name}"]`);
};

const FALLBACK: readonly string[] = [
  '[data-focus="answer"]',
  'article.call.current [data-focus="hangup"]',
  '[data-focus="hangup"]',
  '[data-focus="resume"]',
  '[data-focus="dial"]',
  'button.new-call:not(:disabled)',
  '[role="tab"][aria-selected="true"]',
];

const usable = (el: HTMLElement | null | undefined): el is HTMLElement =>
  !!el && el.isConnected && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0;

const FocusRequests = createContext<(find: Finder) => void>(() => undefined);
export const FocusRequestProvider = FocusRequests.Provider;

/** Asks for focus on what `find` finds, as soon as it is in the page. */
export function useFocusRequest(): (find: Finder) => void {
  return useContext(FocusRequests);
}

/** A ref whose element takes focus when it is first shown (autofocus works once per page, on load). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/** Keeps focus somewhere sensible; returns the function components ask with (give it to FocusRequestProvider). */
export function useFocusKeeper(snapshot: PhoneSnapshot, now: () => number = Date.now): (find: Finder) => void {
  const wanted = useRef<{ find: Finder; until: number } | undefined>(undefined);
  const ringing = useRef<Set<string> | undefined>(undefined);
  const place = useRef(() => {
    const wish = wanted.current;
    if (wish) {
      const el = wish.find();
      if (usable(el)) {
        wanted.current = undefined;
        el.focus();
        return;
      }
      if (now() > wish.until) wanted.current = undefined;
    }
    const active = document.activeElement;
    if (active && active !== document.body) return;
    for (const selector of FALLBACK) {
      const el = document.querySelector<HTMLElement>(selector);
      if (usable(el)) {
        el.focus();
        return;
      }
    }
  });
  const request = useRef((find: Finder) => {
    wanted.current = { find, until: now() + WANTED_MS };
    // A wish from a component's own state (a panel opening or closing) renders no phone: look for it
    // once that render is in the page, and twice more in case its element comes with a later one.
    for (const ms of RETRY_MS) setTimeout(place.current, ms);
  });

  // A call that starts ringing takes focus to its Answer, wherever focus was.
  const ids = ringingCalls(snapshot.calls).map((c) => c.id);
  const fresh = ringing.current === undefined ? [] : ids.filter((id) => !ringing.current?.has(id));
  ringing.current = new Set(ids);
  const newest = fresh.at(-1);
  if (newest !== undefined) wanted.current = { find: focusable('answer', newest), until: now() + WANTED_MS };

  // After every render of the phone: a snapshot may have brought what was wanted, or taken the focused button away.
  useEffect(() => place.current());
  return request.current;
}
