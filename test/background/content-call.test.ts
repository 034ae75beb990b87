import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'clickdial-id' } } }));
const settings = { enabled: true, defaultCountry: 'US', takeOverLinks: true, allowList: [] as string[], denyList: [] as string[] };
vi.mock('../../src/shared/click-to-call-store', () => ({ loadClickToCallSettings: async () => settings }));
const notices: string[] = [];
vi.mock('../../src/background/click-to-call-notice', () => ({ showClickToCallProblem: async (m: string) => void notices.push(m) }));

const { handleContentCall, isContentScriptSender } = await import('../../src/background/content-call');

const tab = { id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false };
const page = { id: 'clickdial-id', tab, url: 'https://crm.example/contacts', frameId: 0 };

beforeEach(() => {
  notices.length = 0;
  settings.denyList = [];
});

describe('content-script senders', () => {
  it('are ours, in a tab, in an http(s) frame (or about:blank with a web origin)', () => {
    expect(isContentScriptSender(page)).toBe(true);
    expect(isContentScriptSender({ ...page, url: 'about:blank', origin: 'https://crm.example' } as never)).toBe(true);
    expect(isContentScriptSender({ ...page, id: 'other-extension' })).toBe(false);
    expect(isContentScriptSender({ ...page, tab: undefined })).toBe(false);
    expect(isContentScriptSender({ ...page, url: 'file:///etc/passwd' })).toBe(false);
    expect(isContentScriptSender({ ...page, url: 'chrome-extension://clickdial-id/src/popup/popup.html' })).toBe(false);
  });
});

describe('handleContentCall', () => {
  it('re-normalises the number and dials E.164', async () => {
    const dial = vi.fn(async () => ({ callId: 'c1' }));
    await expect(handleContentCall({ number: '(415) 555-0132' }, page, dial)).resolves.toEqual({ callId: 'c1' });
    expect(dial).toHaveBeenCalledWith('+14155550132');
  });

  it.each([
    [{ number: 'sip:evil@attacker.example' }, 'is not a phone number'],
    [{ number: 42 }, 'must be a string'],
    [{ number: 'x'.repeat(41) }, 'must be a string of 1 to 40'],
    [{ number: '555 1234 5678' }, 'not a valid phone number in US'],
  ])('refuses %j with a clear message and never dials', async (payload, message) => {
    const dial = vi.fn();
    await expect(handleContentCall(payload as never, page, dial)).rejects.toThrow(message);
    expect(dial).not.toHaveBeenCalled();
  });

  it('refuses senders that are not our content script, and sites where click-to-call is off', async () => {
    const dial = vi.fn();
    await expect(handleContentCall({ number: '+14155550132' }, { ...page, tab: undefined }, dial)).rejects.toThrow(/only from a web page/);
    settings.denyList = ['crm.example'];
    await expect(handleContentCall({ number: '+14155550132' }, page, dial)).rejects.toThrow(/off for crm.example/);
    expect(dial).not.toHaveBeenCalled();
  });

  it('tells the user when the phone cannot call', async () => {
    const dial = vi.fn(async () => {
      throw new Error('Set up your SIP account first');
    });
    await expect(handleContentCall({ number: '+14155550132' }, page, dial)).rejects.toThrow(/Set up/);
    expect(notices).toEqual(['Calling +14155550132 failed: Set up your SIP account first']);
  });
});
