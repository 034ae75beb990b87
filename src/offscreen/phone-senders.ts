// Who may ask the phone what. The service worker may ask anything: pages go
// through its router, which checks who is asking. An extension page of ours
// (popup, call window, options) may also read the phone's state directly
// (PAGE_READ_PHONE_TYPES): one hop instead of two for the popup's first
// paint. A content script may ask nothing: its sender is the web page's URL.
import { PAGE_READ_PHONE_TYPES } from '../shared/protocol';

export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export interface Extension {
  id: string;
  /** The extension's base URL, chrome-extension://<id>/. */
  base: string;
}

const ours = (sender: Sender, extension: Extension): boolean => sender.id === extension.id && !!sender.url?.startsWith(extension.base);

/**
 * runtime.getManifest is not available in an offscreen document, so the worker
 * is recognised as this extension's one sender that is a script, not an .html page.
 */
export function fromServiceWorker(sender: Sender, extension: Extension): boolean {
  return ours(sender, extension) && sender.tab === undefined && !new URL(sender.url as string).pathname.endsWith('.html');
}

export function mayAskPhone(type: string, sender: Sender, extension: Extension): boolean {
  if (fromServiceWorker(sender, extension)) return true;
  return (PAGE_READ_PHONE_TYPES as readonly string[]).includes(type) && ours(sender, extension);
}
