// Copying a selection that holds our links gives what the page itself would
// give: the links are the page's own text again. Left alone, Chrome would put
// our <a href="tel:…"> (with the computed style it annotates rich copies
// with) on the clipboard, and a CRM note or an email would paste a ClickDial
// link. A copy the page handles itself (it prevented the default) is left to
// the page.
const SERIALISER = (): HTMLElement => document.implementation.createHTMLDocument('').body;

/** Listens for copies until `signal` aborts; `isOurs` says which links are ours. */
export function copyLinksAsText(signal: AbortSignal, isOurs: (link: HTMLAnchorElement) => boolean): void {
  document.addEventListener(
    'copy',
    (event) => {
      const selection = document.getSelection();
      if (event.defaultPrevented || !event.clipboardData || !selection || selection.isCollapsed) return;
      const box = SERIALISER();
      let unwrapped = 0;
      for (let i = 0; i < selection.rangeCount; i += 1) {
        const range = selection.getRangeAt(i);
        const container = range.commonAncestorContainer;
        const scope = container instanceof Element ? container : container.parentElement;
        if (!scope) continue;
        // The originals in document order, and their clones in the same order (a link cut by the
        // selection's edge is cloned too, with its part of the text).
        const originals = [...scope.querySelectorAll('a'), ...(scope.closest('a') ? [scope.closest('a')!] : [])].filter((a) =>
          range.intersectsNode(a),
        );
        const copy = range.cloneContents();
        const clones = [...copy.querySelectorAll('a')];
        originals.forEach((original, index) => {
          const clone = clones[index];
          if (!clone || !isOurs(original)) return;
          clone.replaceWith(...clone.childNodes);
          unwrapped += 1;
        });
        // A selection inside one of our links clones just its text: nothing to unwrap there.
        if (originals.length > clones.length && originals.some(isOurs)) unwrapped += 1;
        box.append(copy);
      }
      if (unwrapped === 0) return;
      event.clipboardData.setData('text/plain', selection.toString());
      // Read back from a detached document: this builds no markup in the page.
      event.clipboardData.setData('text/html', box.innerHTML);
      event.preventDefault();
    },
    { capture: true, signal },
  );
}
