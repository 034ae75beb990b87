// One click listener for the whole page (capture phase, so it sees clicks
// before the page can stop them, and through open shadow roots via the
// composed path). A call is asked for only from a trusted click or Enter:
// page script that calls .click() or dispatches a click gets nothing. Every
// click on a call link has its default prevented, trusted or not, taken or
// not, so the page cannot tell what ClickDial did with it (and the tel:
// handler never runs behind our back). The service worker then dials at once
// or shows the confirmation window, using what click-intent.ts found.
import { watchClickIntent } from './click-intent';
import { isCallHref, numberFromHref } from './link-number';
import { MAX_LINK_TEXT } from '../shared/phone-text';

export interface OurLink {
  number: string;
  /** Where and as we made it: not moved, its attributes and text not rewritten by the page (asked at a click only: it reads style). */
  intact(): boolean;
}

export interface ClickSources {
  /** The number our link calls, or undefined when it is not one of ours. */
  ours(link: HTMLAnchorElement): OurLink | undefined;
  /** Whether tel:, sip: and callto: links of the page call through ClickDial. */
  takeOverLinks: boolean;
}

export interface CallClick {
  number: string;
  /** The link's text as shown (innerText: what CSS leaves visible). */
  text: string;
  intentChecked: boolean;
}

function anchorIn(event: Event): HTMLAnchorElement | undefined {
  for (const target of event.composedPath()) {
    if (target instanceof HTMLAnchorElement) return target;
    if (target === document || target === window) return undefined;
  }
  return undefined;
}

export function listenForCalls(signal: AbortSignal, sources: ClickSources, call: (click: CallClick) => void): void {
  const numberOf = (link: HTMLAnchorElement): string | undefined => {
    const ours = sources.ours(link);
    if (ours !== undefined) return ours.number;
    if (!sources.takeOverLinks || !isCallHref(link.href)) return undefined;
    return numberFromHref(link.href) ?? undefined;
  };
  // A sip: link to a name (sip:alice@example.com) is not ours to take: it keeps the browser's default.
  const isCandidate = (link: HTMLAnchorElement): boolean => numberOf(link) !== undefined;
  const intent = watchClickIntent(signal, isCandidate);

  const onClick = (event: MouseEvent): void => {
    if (event.button !== 0 || event.defaultPrevented) return;
    const link = anchorIn(event);
    const number = link && numberOf(link);
    if (!link || number === undefined) return;
    event.preventDefault(); // never the tel: handler, trusted or not
    // A double or triple click is one action: only its first click counts (Enter has detail 0).
    if (!event.isTrusted || event.detail > 1) return;
    const failure = intent.check(event, link);
    const tampered = sources.ours(link)?.intact() === false;
    call({
      number,
      text: (link.innerText || link.textContent || '').slice(0, MAX_LINK_TEXT),
      intentChecked: failure === undefined && !tampered,
    });
  };
  window.addEventListener('click', onClick, { capture: true, signal });
}
