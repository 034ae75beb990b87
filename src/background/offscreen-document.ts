// Makes sure the one offscreen document (the phone) exists. Race-safe: several
// messages arriving together share one creation; a document that survived a
// restart of this worker is found through runtime.getContexts.
//
//   absent --ensure--> creating --created--> configuring --configured--> present
//   present --Chrome closed it--> absent (next ensure recreates and reconfigures)

const OFFSCREEN_PATH = 'src/offscreen/offscreen.html';

let creating: Promise<boolean> | null = null;

async function documentExists(url: string): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [url],
  });
  return contexts.length > 0;
}

/**
 * Resolves once the phone document exists. `onCreated` runs once per new
 * document (it hands the phone the saved account) before anyone else talks to it.
 * Resolves true only to the caller whose `onCreated` ran: others may need to
 * hand the phone what they changed since.
 */
export async function ensureOffscreenDocument(onCreated: () => Promise<void>): Promise<boolean> {
  const url = chrome.runtime.getURL(OFFSCREEN_PATH);
  if (!creating) {
    const exists = await documentExists(url);
    // Checked again after the await: another caller may have started creating
    // it meanwhile, and its document is not configured until that finishes.
    if (exists && !creating) return false;
    if (!creating) {
      creating = create(url, onCreated).finally(() => {
        creating = null;
      });
      return creating;
    }
  }
  await creating;
  return false;
}

async function create(url: string, onCreated: () => Promise<void>): Promise<boolean> {
  try {
    await chrome.offscreen.createDocument({
      url,
      reasons: [chrome.offscreen.Reason.USER_MEDIA, chrome.offscreen.Reason.WEB_RTC, chrome.offscreen.Reason.AUDIO_PLAYBACK],
      justification: 'Keeps the SIP phone connected and plays call audio and the ringtone.',
    });
  } catch (error) {
    // Created meanwhile by an earlier instance of this worker: use it.
    if (/single offscreen document/i.test(String(error)) && (await documentExists(url))) return false;
    throw error;
  }
  await onCreated();
  return true;
}
