// Makes sure the one offscreen document (the phone) exists and has started.
// Race-safe: several messages arriving together share one creation; a
// document that survived a restart of this worker is found through
// runtime.getContexts. A new document pulls its configuration from the router
// when its script starts ('router.phoneConfig'); that request is how this
// module learns the phone is up, so nothing is sent to a document whose
// listener does not exist yet.
//
//   absent ──ensure──▶ creating ──createDocument──▶ booting ──phone asked for its config──▶ present
//   booting ──no word within BOOT_TIMEOUT_MS──▶ absent (the caller gets an error)
//   present ──Chrome closed it──▶ absent (phone-watch.ts hears it through the phone's port and recreates it at once)
//
// While the phone's port is open (phone-watch.ts counts it) the document is
// there: ensure() then asks Chrome nothing, one round trip less on every
// command (a popup's Call among them). A document closed in the moment before
// its port's disconnect arrives is a request that finds no receiver, which
// sendEnvelope retries while phone-watch.ts recreates the phone.
import { t } from '../shared/i18n';

const OFFSCREEN_PATH = 'src/offscreen/offscreen.html';
const BOOT_TIMEOUT_MS = 10_000;

let creating: Promise<boolean> | null = null;
let booted: (() => void) | undefined;
let openPorts = 0;

/** phone-watch.ts: the phone's port opened (+1) or closed (-1). */
export function phonePortChanged(delta: 1 | -1): void {
  openPorts = Math.max(0, openPorts + delta);
}

/** Whether the phone's document exists now (Chrome may have closed it). */
export function phoneDocumentExists(): Promise<boolean> {
  return documentExists(offscreenDocumentUrl());
}

async function documentExists(url: string): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [url],
  });
  return contexts.length > 0;
}

/** The URL of the phone's document, to recognise it as a sender. */
export function offscreenDocumentUrl(): string {
  return chrome.runtime.getURL(OFFSCREEN_PATH);
}

/** Called when the phone asks for its configuration: it has started. */
export function phoneStarted(): void {
  booted?.();
}

/**
 * Resolves once the phone document exists and its script runs. Resolves true
 * only to the caller that created it (that document read the saved data
 * itself; others may need to hand it what they changed since).
 */
export async function ensureOffscreenDocument(): Promise<boolean> {
  const url = offscreenDocumentUrl();
  if (!creating && openPorts > 0) return false;
  if (!creating) {
    const exists = await documentExists(url);
    // Checked again after the await: another caller may have started creating it meanwhile.
    if (exists && !creating) return false;
    if (!creating) {
      creating = create(url).finally(() => {
        creating = null;
      });
      return creating;
    }
  }
  await creating;
  return false;
}

async function create(url: string): Promise<boolean> {
  // Listening before the document exists: its request may come before createDocument resolves.
  const started = new Promise<void>((resolve) => (booted = resolve));
  try {
    await chrome.offscreen.createDocument({
      url,
      reasons: [chrome.offscreen.Reason.USER_MEDIA, chrome.offscreen.Reason.WEB_RTC, chrome.offscreen.Reason.AUDIO_PLAYBACK],
      justification: 'Keeps the SIP phone connected and plays call audio and the ringtone.',
    });
  } catch (error) {
    booted = undefined;
    // Created meanwhile by an earlier instance of this worker: use it.
    if (/single offscreen document/i.test(String(error)) && (await documentExists(url))) return false;
    throw error;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silent = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(t('error_phone_did_not_start', { seconds: BOOT_TIMEOUT_MS / 1000 }))), BOOT_TIMEOUT_MS);
  });
  try {
    await Promise.race([started, silent]);
  } finally {
    clearTimeout(timer);
    booted = undefined;
  }
  return true;
}
