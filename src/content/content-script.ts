// The script every http(s) page and frame loads. It reads the click-to-call
// setting and, where click-to-call is off (globally, for this site, or by the
// page's format-detection meta tag), does nothing more. Where it is on, it
// links the numbers on the page and sends a number to the service worker
// when the user clicks one. Everything it starts stops with one AbortSignal.
//
//   reading ──off──▶ off ◀──setting changes──▶ on (scanner + click listener)
//      └─────on─────────────────────────────────▲
import { decideForHost, type ClickToCallSettings } from '../shared/click-to-call-settings';
import { loadPageSettings, watchPageSettings } from '../shared/click-to-call-store';
import { request } from '../shared/messenger';
import { listenForCalls } from './call-clicks';
import { loadValidator } from './load-validator';
import { startPageScanner, type PageScanner } from './page-scanner';
import { pageOptsOut } from './page-opt-out';

// about:blank and srcdoc frames have no host of their own: they run with their parent's origin.
const host = location.hostname || new URL(self.origin).hostname;

let running: { controller: AbortController; scanner: PageScanner; settings: ClickToCallSettings } | undefined;

function placeCall(number: string): void {
  // The worker checks the number again and tells the user when the call cannot be placed.
  request('content.call', { number }).catch(() => undefined);
}

function start(settings: ClickToCallSettings): void {
  const controller = new AbortController();
  const scanner = startPageScanner(document, settings.defaultCountry, loadValidator);
  const ours = (link: HTMLAnchorElement): string | undefined => {
    const number = scanner.links.get(link);
    if (number === undefined) return undefined;
    // The page may have rewritten our link's text since: call only what it still shows.
    const shown = scanner.validator()?.detectPhoneNumbers(link.textContent ?? '', settings.defaultCountry);
    return shown?.length === 1 && shown[0]?.e164 === number ? number : undefined;
  };
  listenForCalls(controller.signal, { ours, takeOverLinks: settings.takeOverLinks }, placeCall);
  controller.signal.addEventListener('abort', () => scanner.stop(), { once: true });
  running = { controller, scanner, settings };
}

function apply(settings: ClickToCallSettings): void {
  const on = decideForHost(settings, host).on;
  const changed =
    running !== undefined &&
    (running.settings.defaultCountry !== settings.defaultCountry || running.settings.takeOverLinks !== settings.takeOverLinks);
  if (running && (!on || changed)) {
    running.controller.abort();
    running = undefined;
  }
  if (on && !running) start(settings);
}

async function main(): Promise<void> {
  if (pageOptsOut(document)) return;
  apply(await loadPageSettings());
  // Lives as long as the page: the popup's "on this site" switch takes effect at once.
  watchPageSettings(new AbortController().signal, apply);
}

void main();
