// How our links look, from one constructed style sheet adopted by the
// document (and by each shadow root we link in), instead of an inline style
// on every link: `all: unset` inline serialises as some 6.6 KB of longhands
// per link, which pages that save or copy their HTML (rich editors, email
// composers, CRMs) then carry along. An adopted sheet is in no markup at all.
// `!important` keeps ordinary page rules for links (colour, weight, padding)
// from restyling ours, so a linked number still looks like the page's text.
//
//   not styled ──first link in a root──▶ adopted there ──stop──▶ removed from every root

import { t } from '../shared/i18n';

let suffix: string | undefined;

/**
 * The end of every link's title ("Call with ClickDial", in the browser's UI language: content
 * scripts have chrome.i18n): how the sheet recognises our links without an attribute of its own.
 */
export function linkTitleSuffix(): string {
  suffix ??= t('link_title_call');
  return suffix;
}

/** The words as the worker mirrored them (page-settings.ts): chrome.i18n then never loads its catalogue into the page. */
export function takeLinkTitleSuffix(words: string | undefined): void {
  suffix ??= words;
}

const rule = (): string =>
  `a[href^="tel:"][title$="${linkTitleSuffix().replace(/["\\]/g, '\\$&')}"] { all: unset !important; cursor: pointer !important; text-decoration: underline dotted !important; }`;

type StyledRoot = Document | ShadowRoot;

export interface LinkStyle {
  /** Makes sure links in this root (the document or a shadow root) are styled. */
  styleRoot(root: Node): void;
  /** Takes the sheet out of every root it was adopted by. */
  remove(): void;
}

export function createLinkStyle(doc: Document): LinkStyle {
  let sheet: CSSStyleSheet | undefined;
  const roots = new Set<WeakRef<StyledRoot>>();
  const styled = new WeakSet<StyledRoot>();
  return {
    styleRoot(node) {
      // A document or a shadow root (by node type: realms differ; a detached node's root is neither).
      const found = node.getRootNode();
      if ((found.nodeType !== Node.DOCUMENT_NODE && found.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) || !('adoptedStyleSheets' in found))
        return;
      const root = found as StyledRoot;
      if (styled.has(root)) return;
      styled.add(root);
      if (!sheet) {
        const View = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
        sheet = new View();
        sheet.replaceSync(rule());
      }
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      roots.add(new WeakRef(root));
    },
    remove() {
      for (const ref of roots) {
        const root = ref.deref();
        if (root && sheet) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      }
      roots.clear();
    },
  };
}
