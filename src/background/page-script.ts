// The script ClickDial runs in web pages, registered at run time rather than
// in the manifest: manifest content scripts built by crxjs load their code
// from web-accessible files, which any page can fetch to learn that ClickDial
// is installed. Registered scripts and executeScript files are not reachable
// from pages at all.
import browser from 'webextension-polyfill';
import { ClickDialError } from '../shared/protocol';
import { contentScriptOrigin } from './content-call';

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
const VALIDATOR_FILE = 'content/validator.js';

/** Registers (or refreshes, after an update) the page script; cheap enough for every worker start. */
export async function registerPageScript(): Promise<void> {
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [PAGE_SCRIPT.id] });
  if (existing.length > 0) await chrome.scripting.updateContentScripts([PAGE_SCRIPT]);
  else await chrome.scripting.registerContentScripts([PAGE_SCRIPT]);
}

/** Injects the phone-number checker into the content script's own frame. */
export async function injectValidator(sender: browser.Runtime.MessageSender): Promise<null> {
  const tabId = sender.tab?.id;
  if (!contentScriptOrigin(sender) || tabId === undefined) {
    throw new ClickDialError("Only ClickDial's page script may load the checker.", 'forbidden');
  }
  await chrome.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [VALIDATOR_FILE] });
  return null;
}
