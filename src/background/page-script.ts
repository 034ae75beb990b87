// The script ClickDial runs in web pages, registered at run time rather than
// in the manifest: manifest content scripts built by crxjs load their code
// from web-accessible files, which any page can fetch to learn that ClickDial
// is installed. Registered scripts and executeScript files are not reachable
// from pages at all.

const PAGE_SCRIPT: chrome.scripting.RegisteredContentScript = {
  id: 'clickdial-pages',
  js: ['content/content-script.js'],
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  // about:blank and srcdoc frames of those pages too.
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  persistAcrossSessions: true,
};

/** Registers (or refreshes, after an update) the page script; cheap enough for every worker start. */
export async function registerPageScript(): Promise<void> {
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [PAGE_SCRIPT.id] });
  if (existing.length > 0) await chrome.scripting.updateContentScripts([PAGE_SCRIPT]);
  else await chrome.scripting.registerContentScripts([PAGE_SCRIPT]);
}
