// The bounds that keep the page scanner linear and its memory bounded on
// hostile pages (a 1 MB text node with 60,000 numbers, 100,000 spans of one
// number each, thousands of DOM changes a second). All in one place, since
// they trade completeness for the page's health together.

/**
 * Links in one text node. Nobody calls the 101st number of one paragraph;
 * past this the node is left as it is, and the rest of it is not even checked.
 */
export const MAX_LINKS_PER_NODE = 100;

/**
 * Links on the page at once (only connected ones count, so a page that
 * replaces its content gets links for the new content). Every link is two
 * nodes, a style recalculation and a relayout of its paragraph: 2,000 links
 * cost a page little, 100,000 cost it a minute. The popup says when it is reached.
 */
export const MAX_LINKS_PER_PAGE = 2000;

/**
 * Characters of one text node checked per step (cut where no number can
 * span). One step is a fraction of a slice's budget: a regular-expression
 * pass over 16 K characters takes well under a millisecond, so a 1 MB node
 * is spread over many idle slices instead of one long task.
 */
export const WINDOW_CHARS = 16_384;

/**
 * Set-aside text waiting to come near the viewport (near-viewport.ts), each
 * with its parent observed. Past this the walk waits until some of it has
 * been seen: a page with more candidate text than this (numbers, years,
 * prices) gets its later text linked as the reader scrolls on to it.
 */
export const MAX_PARKED_TEXTS = 5000;

/**
 * `display: contents` ancestors climbed to find the box that text waits on
 * (near-viewport.ts), each a style read. Real wrappers nest a few deep; a page
 * that nests thousands over thousands of texts would otherwise cost millions
 * of style reads in one task. Text under more than this stays unlinked.
 */
export const MAX_CONTENTS_DEPTH = 8;

/**
 * Pauses before a stage-2 request the service worker did not answer is sent
 * again (Chrome may stop the worker while it checks, or the request may come
 * while it starts). After the last, the text is left unlinked until it changes.
 */
export const STAGE_TWO_RETRY_MS: readonly number[] = [250, 1000, 4000];
