// Turns found numbers in a text node into inline links. The text (and what a
// user selects and copies) stays exactly the same; the links carry no style
// of their own (link-style.ts styles them from an adopted sheet, so nothing
// moves and nothing is added to the page's HTML but the <a>). No innerHTML.
//
// Linear in the node's length however many numbers it holds: the pieces are
// built once from the node's text and inserted in one go, with the page's own
// Text node kept as the first piece. (splitText per number copied the rest of
// the node every time: 60,000 numbers in 1 MB were 30 GB of copies.)
import type { LinkRegistry } from './link-registry';
import { linkTitleSuffix } from './link-style';

export interface NumberToLink {
  start: number;
  end: number;
  /** E.164, what a click calls. */
  e164: string;
  /** E.164 plus extension, for the tooltip. */
  label: string;
}

function makeLink(doc: Document, number: NumberToLink, text: string): HTMLAnchorElement {
  const link = doc.createElement('a');
  // href gives keyboard focus, "Copy link" and a screen-reader role for free;
  // a click on it never reaches the tel: handler (call-clicks.ts prevents it).
  link.href = `tel:${number.e164}`;
  link.title = `${number.label}\n${linkTitleSuffix()}`;
  link.append(doc.createTextNode(text));
  return link;
}

/**
 * Wraps each number (non-overlapping, in order; others are skipped) of `node`
 * in a link. Returns the text nodes that hold the text between and after the
 * links, `node` first (all of them already checked).
 */
export function linkNumbers(node: Text, numbers: readonly NumberToLink[], links: LinkRegistry): Text[] {
  const doc = node.ownerDocument;
  const data = node.data;
  const rest: Text[] = [node];
  const pieces: Node[] = [];
  const made: [HTMLAnchorElement, string][] = [];
  let prefixEnd = -1;
  let offset = 0;
  for (const number of numbers) {
    if (number.start < offset || number.end > data.length || number.end <= number.start) continue;
    if (prefixEnd < 0) prefixEnd = number.start;
    else if (number.start > offset) {
      const between = doc.createTextNode(data.slice(offset, number.start));
      pieces.push(between);
      rest.push(between);
    }
    const link = makeLink(doc, number, data.slice(number.start, number.end));
    pieces.push(link);
    made.push([link, number.e164]);
    offset = number.end;
  }
  if (prefixEnd < 0) return rest;
  if (offset < data.length) {
    const tail = doc.createTextNode(data.slice(offset));
    pieces.push(tail);
    rest.push(tail);
  }
  node.data = data.slice(0, prefixEnd);
  node.after(...pieces);
  // Registered once in place: the registry remembers where each link was put (moved links are not trusted).
  for (const [link, e164] of made) links.add(link, e164);
  return rest;
}
