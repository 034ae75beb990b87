// The script ClickDial runs in web pages, registered at run time rather than
// in the manifest: manifest content scripts built by crxjs load their code
// from web-accessible files, which any page can fetch to learn that ClickDial
// is installed. Registered scripts and executeScript files are not reachable
// from pages at all. It is registered only while the user grants the
// optional host permission (shared/host-access.ts), for the origins granted:
//
//   not granted ──permissions.onAdded──▶ registered ──permissions.onRemoved──▶ not granted
//   (checked again on install, update and browser start)
import { grantedClickToCallOrigins } from '../shared/host-access';

const PAGE_SCRIPT = {
  id: 'clickdial-pages',
  js: ['content/content-script.js'],
  allFrames: true,
  // about:blank and srcdoc frames of those pages too.
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  persistAcrossSessions: true,
} satisfies chrome.scripting.RegisteredContentScript;

let syncing: Promise<void> = Promise.resolve();

/**
 * Registers (or refreshes, after an update) the page script for the granted
 * origins, or unregisters it when none is granted. One at a time: a grant
 * arriving while the worker starts would otherwise register the same id twice.
 */
export function syncPageScript(): Promise<void> {
  syncing = syncing.catch(() => undefined).then(syncOnce);
  return syncing;
}

async function syncOnce(): Promise<void> {
  const matches = await grantedClickToCallOrigins();
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [PAGE_SCRIPT.id] });
  if (matches.length === 0) {
    if (existing.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [PAGE_SCRIPT.id] });
    return;
  }
  const script: chrome.scripting.RegisteredContentScript = { ...PAGE_SCRIPT, matches };
  if (existing.length > 0) await chrome.scripting.updateContentScripts([script]);
  else await chrome.scripting.registerContentScripts([script]);
}
