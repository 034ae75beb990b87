// One click listener for the whole page (capture phase, so it sees clicks
// before the page can stop them, and through open shadow roots via the
// composed path). A call starts only from a trusted click: page script that
// calls .click() or dispatches a click on our link gets nothing; on the
// page's own tel: links such a click keeps the browser's default.
import { isCallHref, numberFromHref } from './link-number';

export interface ClickSources {
  /** The number our link calls, or undefined when it is not ours (or its text was changed). */
  ours(link: HTMLAnchorElement): string | undefined;
  /** Whether tel:, sip: and callto: links of the page call through ClickDial. */
  takeOverLinks: boolean;
}

function anchorIn(event: Event): HTMLAnchorElement | undefined {
  for (const target of event.composedPath()) {
    if (target instanceof HTMLAnchorElement) return target;
    if (target === document || target === window) return undefined;
  }
  return undefined;
}

export function listenForCalls(signal: AbortSignal, sources: ClickSources, call: (number: string) => void): void {
  const onClick = (event: MouseEvent): void => {
    if (event.button !== 0 || event.defaultPrevented) return;
    const link = anchorIn(event);
    if (!link) return;
    const ours = sources.ours(link);
    if (ours !== undefined) {
      event.preventDefault(); // never the tel: handler, trusted or not
      if (event.isTrusted) call(ours);
      return;
    }
    if (!sources.takeOverLinks || !isCallHref(link.href)) return;
    const number = numberFromHref(link.href);
    if (number === null || !event.isTrusted) return;
    event.preventDefault();
    call(number);
  };
  window.addEventListener('click', onClick, { capture: true, signal });
}
