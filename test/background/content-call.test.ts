import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClickToCallSettings } from '../../src/shared/click-to-call-settings';

const focusedWindows = new Set([1]);
vi.mock('webextension-polyfill', () => ({
  default: { runtime: { id: 'clickdial-id' }, windows: { get: async (id: number) => ({ id, focused: focusedWindows.has(id) }) } },
}));
const settings: ClickToCallSettings = {
  enabled: true,
  defaultCountry: 'US',
  takeOverLinks: true,
  allowList: [],
  denyList: [],
  callAtOnce: ['crm.example'],
  extensionDigits: null,
};
vi.mock('../../src/shared/click-to-call-store', () => ({ loadClickToCallSettings: async () => settings }));
const notices: string[] = [];
vi.mock('../../src/background/click-to-call-notice', () => ({ showClickToCallProblem: async (m: string) => void notices.push(m) }));
const confirmations: { dial: string; site: string; reasons: string[] }[] = [];
vi.mock('../../src/background/confirm-window', () => ({
  askToConfirm: async (c: { dial: string; site: string; reasons: string[] }) => void confirmations.push(c),
}));

const { handleContentCall, isContentScriptSender } = await import('../../src/background/content-call');

const tab = {
  id: 7,
  index: 0,
  windowId: 1,
  highlighted: true,
  active: true,
  pinned: false,
  incognito: false,
  url: 'https://crm.example/contacts',
};
const page = { id: 'clickdial-id', tab, url: 'https://crm.example/contacts', frameId: 0 };
const seen = { text: '(415) 555-0132', intentChecked: true };

function phone(calls: { direction: string; state: string; remote: { user: string } }[] = []) {
  const dialled: string[] = [];
  return {
    dialled,
    snapshot: async () => ({ calls, accounts: [] }) as never,
    // Like the phone: once dialled, the call is in the snapshot.
    dial: async (target: string) => {
      dialled.push(target);
      calls.push({ direction: 'outgoing', state: 'dialing', remote: { user: target } });
    },
  };
}

beforeEach(() => {
  notices.length = 0;
  confirmations.length = 0;
  settings.denyList = [];
  settings.callAtOnce = ['crm.example'];
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
  it('on a call-at-once site, a seen click on a number that its link shows is dialled as E.164, once', async () => {
    const p = phone();
    // Twice at once (the second while the first request is on its way), then again once the call is there.
    const twice = [
      handleContentCall({ number: '(415) 555-0132', ...seen }, page, p),
      handleContentCall({ number: '(415) 555-0132', ...seen }, page, p),
    ];
    await expect(Promise.all(twice)).resolves.toEqual([null, null]);
    await handleContentCall({ number: '(415) 555-0132', ...seen }, page, p);
    expect(p.dialled).toEqual(['+14155550132']);
    expect(confirmations).toEqual([]);
  });

  it('asks first on any other site, and whenever the click, the text, the frame or the number is in doubt', async () => {
    const cases: [Partial<Parameters<typeof handleContentCall>[0]>, typeof page, string][] = [
      [{}, { ...page, tab: { ...tab, url: 'https://other.example/' }, url: 'https://other.example/' }, 'asked'],
      [{ intentChecked: false }, page, 'not-seen'],
      [{ text: 'Call support 0800 123' }, page, 'text-differs'],
      [{}, { ...page, url: 'https://ads.example/frame', frameId: 3 }, 'cross-origin-frame'],
      [{ number: '+1 900 555 0199', text: '+1 900 555 0199' }, page, 'high-cost'],
      [{ number: '911', text: '911' }, page, 'emergency'],
    ];
    for (const [change, sender, reason] of cases) {
      confirmations.length = 0;
      const p = phone();
      await handleContentCall({ number: '(415) 555-0142', ...seen, text: '(415) 555-0142', ...change }, sender, p);
      expect(p.dialled).toEqual([]);
      expect(confirmations[0]?.reasons).toContain(reason);
    }
  });

  it('never holds a call for a page: with a call going on, the new number is shown first', async () => {
    const p = phone([{ direction: 'incoming', state: 'active', remote: { user: '1002' } }]);
    await handleContentCall({ number: '(415) 555-0152', text: '(415) 555-0152', intentChecked: true }, page, p);
    expect(p.dialled).toEqual([]);
    expect(confirmations[0]?.reasons).toEqual(['in-call']);
  });

  it('places no second call to a number that is already being called', async () => {
    const p = phone([{ direction: 'outgoing', state: 'dialing', remote: { user: '+14155550162' } }]);
    await handleContentCall({ number: '(415) 555-0162', text: '(415) 555-0162', intentChecked: true }, page, p);
    expect(p.dialled).toEqual([]);
    expect(confirmations).toEqual([]);
  });

  it('judges the site switch by the tab, not the frame: a frame of an allowed site on a denied one gets nothing', async () => {
    settings.denyList = ['crm.example'];
    const framed = { ...page, url: 'https://widgets.example/call', frameId: 2 };
    await expect(handleContentCall({ number: '+14155550132', ...seen }, framed, phone())).rejects.toThrow(/off for crm.example/);
  });

  it('refuses short numbers from pages unless they have the PBX extension length', async () => {
    const p = phone();
    await handleContentCall({ number: '1003', text: '1003', intentChecked: true }, page, p);
    expect(notices[0]).toMatch(/short number/);
    settings.extensionDigits = { min: 4, max: 4 };
    await handleContentCall({ number: '1003', text: '1003', intentChecked: true }, page, p);
    expect(confirmations[0]?.reasons).toEqual(['short-number']);
    expect(p.dialled).toEqual([]);
    settings.extensionDigits = null;
  });

  it.each([
    [{ number: 'sip:evil@attacker.example', ...seen }, 'is not a phone number'],
    [{ number: '555 1234 5678', ...seen }, 'not a valid phone number in US'],
  ])('tells the user about %j and never dials', async (payload, message) => {
    const p = phone();
    await handleContentCall(payload, page, p);
    expect(p.dialled).toEqual([]);
    expect(notices[0]).toContain(message);
  });

  it.each([
    [{ number: 42, ...seen }, 'must be a string'],
    [{ number: 'x'.repeat(41), ...seen }, 'must be a string of 1 to 40'],
    [{ number: '+14155550132', text: 'x'.repeat(201), intentChecked: true }, '"text"'],
    [{ number: '+14155550132', text: 'x' }, '"intentChecked"'],
  ])('refuses the malformed message %j', async (payload, message) => {
    await expect(handleContentCall(payload as never, page, phone())).rejects.toThrow(message);
  });

  it('takes clicks only from the tab in front of the user (active, in the focused window)', async () => {
    const p = phone();
    await expect(handleContentCall({ number: '+14155550132', ...seen }, { ...page, tab: { ...tab, active: false } }, p)).rejects.toThrow(
      /tab you are using/,
    );
    await expect(handleContentCall({ number: '+14155550132', ...seen }, { ...page, tab: { ...tab, windowId: 2 } }, p)).rejects.toThrow(
      /tab you are using/,
    );
    expect(p.dialled).toEqual([]);
    expect(confirmations).toEqual([]);
  });

  it('refuses senders that are not our content script, and sites where click-to-call is off', async () => {
    await expect(handleContentCall({ number: '+14155550132', ...seen }, { ...page, tab: undefined }, phone())).rejects.toThrow(
      /only from a web page/,
    );
    settings.denyList = ['crm.example'];
    await expect(handleContentCall({ number: '+14155550132', ...seen }, page, phone())).rejects.toThrow(/off for crm.example/);
  });

  it('tells the user when the phone cannot call', async () => {
    const failing = {
      snapshot: async () => ({ calls: [], accounts: [] }) as never,
      dial: async () => Promise.reject(new Error('Set up your SIP account first')),
    };
    await handleContentCall({ number: '(415) 555-0172', text: '(415) 555-0172', intentChecked: true }, page, failing);
    expect(notices).toEqual(['Calling +14155550172 failed: Set up your SIP account first']);
  });
});
