// A page that says <meta name="format-detection" content="telephone=no"> asked
// for its numbers not to be turned into links (Safari and mobile browsers
// honour it too); ClickDial leaves such a page entirely alone.

export function pageOptsOut(doc: Document): boolean {
  for (const meta of doc.querySelectorAll('meta[name="format-detection" i]')) {
    if (/(?:^|[,;\s])telephone\s*=\s*no\b/i.test(meta.getAttribute('content') ?? '')) return true;
  }
  return false;
}
