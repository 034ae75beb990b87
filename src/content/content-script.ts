// The script every http(s) page and frame loads. It reads the click-to-call
// setting and, where click-to-call is off (globally, for this site, or by the
// page's format-detection meta tag), does nothing more. Where it is on, it
// links the numbers on the page and sends a number to the service worker
// when the user clicks one. Everything it starts stops with one AbortSignal.
//
//   reading ──off──▶ off ◀──setting changes──▶ on (scanner + click listener)
//      └─────on─────────────────────────────────▲
import { decideForHost, type ClickToCallSettings } from '../shared/click-to-call-settings';
import { loadPageSettings, watchPageSettings } from '../shared/page-settings';
import { request } from '../shared/request';
import { answerStatus } from './answer-status';
import { listenForCalls, type CallClick, type OurLink } from './call-clicks';
import { startPageScanner, type FindNumbers, type PageScanner } from './page-scanner';
import { pageOptsOut } from './page-opt-out';
import { copyLinksAsText } from './copy-as-text';
import { takeLinkTitleSuffix } from './link-style';

// The settings are about the site the user has open, in every frame of it:
// a frame takes the tab's top-level site (ancestorOrigins' last entry), so a
// page on a site where click-to-call is off cannot frame another site to get
// it back. (The worker checks the same against the tab's URL.)
function topLevelHost(): string {
  const ancestors = location.ancestorOrigins;
  const top = ancestors && ancestors.length > 0 ? ancestors[ancestors.length - 1] : undefined;
  try {
    if (top) return new URL(top).hostname;
  } catch {
    // An opaque ("null") ancestor: fall back to this frame's own origin.
  }
  // about:blank and srcdoc frames have no host of their own: they run with their parent's origin.
  return location.hostname || new URL(self.origin).hostname;
}
const host = topLevelHost();

let running: { controller: AbortController; scanner: PageScanner; settings: ClickToCallSettings } | undefined;

function placeCall(click: CallClick): void {
  // The worker checks the number again, asks the user when in doubt, and says when a call cannot be placed.
  request('content.call', click).catch(() => undefined);
}

// Stage 2 of detection runs in the service worker: libphonenumber-js never loads into a page.
const findNumbers: FindNumbers = (windows) => request('content.findNumbers', windows);

function start(settings: ClickToCallSettings): void {
  const controller = new AbortController();
  const scanner = startPageScanner(document, settings.defaultCountry, findNumbers);
  const ours = (link: HTMLAnchorElement): OurLink | undefined => {
    const number = scanner.links.get(link);
    if (number === undefined) return undefined;
    // The page may have moved or rewritten our link since (its text included): then the click
    // is not taken as seen, and the number is confirmed first.
    const intact = (): boolean => {
      // Page CSS can take a link out of the text flow (position: fixed !important) to lay it over something else.
      const inFlow = getComputedStyle(link).position === 'static';
      return scanner.links.intact(link) && inFlow;
    };
    return { number, intact };
  };
  listenForCalls(controller.signal, { ours, takeOverLinks: settings.takeOverLinks }, placeCall);
  copyLinksAsText(controller.signal, (link) => scanner.links.get(link) !== undefined);
  answerStatus(controller.signal, () => scanner.status());
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
  const { settings, linkTitle } = await loadPageSettings();
  takeLinkTitleSuffix(linkTitle);
  apply(settings);
  // Lives as long as the page: the popup's "on this site" switch takes effect at once.
  watchPageSettings(new AbortController().signal, apply);
}

void main();
