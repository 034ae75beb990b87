// Which parts of a page click-to-call never touches: form fields and editable
// text (changing them would change what the user types), code and styles,
// SVG, existing links (a link inside a link is invalid), elements with the
// hidden attribute and our own links (text hidden by CSS is never near the
// viewport: near-viewport.ts). Cheap checks only: these run for every element walked.

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'A',
  'HEAD',
  'TITLE',
]);
const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/** True when `element` and everything inside it is left alone. */
export function skipsSubtree(element: Element): boolean {
  if (SKIP_TAGS.has(element.tagName)) return true;
  if (element.namespaceURI === SVG_NS || element.namespaceURI === MATHML_NS) return true;
  if (element.hasAttribute('hidden')) return true;
  // isContentEditable also covers designMode and inherited editing.
  return (element as HTMLElement).isContentEditable === true;
}

/** True when a node that changed sits inside a part we leave alone (checked once per queued root). */
export function insideSkipped(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (skipsSubtree(el)) return true;
  }
  return false;
}
