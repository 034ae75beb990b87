// Turns found numbers in a text node into inline links. The page's own text
// node is split and moved into the link, so the text (and what a user
// selects and copies) stays exactly the same; the link's inline style resets
// whatever the page styles links with, so nothing moves. No innerHTML.

export interface NumberToLink {
  start: number;
  end: number;
  /** E.164, what a click calls. */
  e164: string;
  /** E.164 plus extension, for the tooltip. */
  label: string;
}

/** Our links and the number each calls; the page cannot forge an entry. */
export type LinkRegistry = Map<HTMLAnchorElement, string>;

function makeLink(doc: Document, number: NumberToLink): HTMLAnchorElement {
  const link = doc.createElement('a');
  // href gives keyboard focus, "Copy link" and a screen-reader role for free;
  // a click on it never reaches the tel: handler (call-clicks.ts prevents it).
  link.href = `tel:${number.e164}`;
  link.title = `${number.label}\nCall with ClickDial`;
  const style = link.style;
  // CSSOM writes are not blocked by a page's style-src CSP, unlike a style attribute.
  style.setProperty('all', 'unset');
  style.setProperty('cursor', 'pointer');
  style.setProperty('text-decoration', 'underline dotted');
  return link;
}

/**
 * Wraps each number (non-overlapping, in order) of `node` in a link.
 * Returns the text nodes that were created outside links (already processed).
 */
export function linkNumbers(node: Text, numbers: readonly NumberToLink[], links: LinkRegistry): Text[] {
  const doc = node.ownerDocument;
  const rest: Text[] = [];
  let current = node;
  let offset = 0;
  for (const number of numbers) {
    if (number.start < offset || number.end > offset + current.data.length) continue;
    const inside = current.splitText(number.start - offset);
    const after = inside.splitText(number.end - number.start);
    rest.push(current);
    const link = makeLink(doc, number);
    inside.replaceWith(link);
    link.append(inside);
    links.set(link, number.e164);
    current = after;
    offset = number.end;
  }
  rest.push(current);
  return rest;
}

/** Puts the page's text back where our links were. */
export function unlinkAll(links: LinkRegistry): void {
  for (const link of links.keys()) {
    if (link.isConnected) link.replaceWith(...link.childNodes);
  }
  links.clear();
}
