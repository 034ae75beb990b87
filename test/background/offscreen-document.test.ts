import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureOffscreenDocument, phonePortChanged } from '../../src/background/offscreen-document';

// chrome.runtime and chrome.offscreen as the worker sees them, beside the test setup's chrome.i18n.
const getContexts = vi.fn<() => Promise<unknown[]>>();
const createDocument = vi.fn<() => Promise<void>>();
const chromeGlobal = globalThis as unknown as { chrome: Record<string, unknown> };

beforeEach(() => {
  getContexts.mockReset().mockResolvedValue([{}]);
  createDocument.mockReset().mockResolvedValue(undefined);
  chromeGlobal.chrome = {
    ...chromeGlobal.chrome,
    runtime: {
      getContexts,
      getURL: (path: string) => `chrome-extension://ours/${path}`,
      ContextType: { OFFSCREEN_DOCUMENT: 'OFFSCREEN_DOCUMENT' },
    },
    offscreen: { createDocument, Reason: { USER_MEDIA: 'USER_MEDIA', WEB_RTC: 'WEB_RTC', AUDIO_PLAYBACK: 'AUDIO_PLAYBACK' } },
  };
});
afterEach(() => {
  while (phonePortsOpen > 0) close();
});

let phonePortsOpen = 0;
const open = () => {
  phonePortChanged(1);
  phonePortsOpen += 1;
};
const close = () => {
  phonePortChanged(-1);
  phonePortsOpen -= 1;
};

describe('ensureOffscreenDocument', () => {
  it("asks Chrome whether the phone's document exists while no port of the phone's is open", async () => {
    expect(await ensureOffscreenDocument()).toBe(false);
    expect(getContexts).toHaveBeenCalledTimes(1);
    expect(createDocument).not.toHaveBeenCalled();
  });

  it("asks Chrome nothing while the phone's port is open (one round trip less on every command), and again once it closed", async () => {
    open();
    expect(await ensureOffscreenDocument()).toBe(false);
    expect(await ensureOffscreenDocument()).toBe(false);
    expect(getContexts).not.toHaveBeenCalled();
    close();
    expect(await ensureOffscreenDocument()).toBe(false);
    expect(getContexts).toHaveBeenCalledTimes(1);
  });
});
