// The native context menu cannot be clicked from Playwright; its handler is
// tested here with the extension APIs mocked.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chromeI18n } from '../support/chrome-i18n';

const listeners: { installed?: () => void; clicked?: (info: { menuItemId: string; selectionText?: string; pageUrl?: string }) => void } =
  {};
vi.mock('webextension-polyfill', () => ({
  default: { runtime: { onInstalled: { addListener: (f: () => void) => (listeners.installed = f) } } },
}));
const created: unknown[] = [];
vi.stubGlobal('chrome', {
  // The words from the catalogue (test/support/chrome-i18n.ts).
  i18n: chromeI18n,
  runtime: { lastError: undefined },
  contextMenus: {
    remove: (_id: string, done: () => void) => done(),
    create: (item: unknown, done: () => void) => {
      created.push(item);
      done();
    },
    onClicked: { addListener: (f: typeof listeners.clicked) => (listeners.clicked = f) },
  },
});
vi.mock('../../src/shared/click-to-call-store', () => ({
  loadClickToCallSettings: async () => ({
    enabled: true,
    defaultCountry: 'DE',
    takeOverLinks: true,
    allowList: [],
    denyList: [],
    callAtOnce: ['crm.example'],
    extensionDigits: null,
  }),
}));
const confirmations: unknown[] = [];
vi.mock('../../src/background/confirm-window', () => ({ askToConfirm: async (c: unknown) => void confirmations.push(c) }));
const notices: string[] = [];
vi.mock('../../src/background/click-to-call-notice', () => ({ showClickToCallProblem: async (m: string) => void notices.push(m) }));
const calls: unknown[] = [];
vi.mock('../../src/background/router', () => ({
  outsideCallPhone: {
    snapshot: async () => ({ calls: [], accounts: [] }),
    dial: async (target: string) => void calls.push(['phone.call', { target }]),
  },
}));

const { CALL_SELECTION_MENU, callSelection, registerContextMenu } = await import('../../src/background/context-menu');

beforeEach(() => {
  notices.length = 0;
  calls.length = 0;
  confirmations.length = 0;
});

describe('Call <selection>', () => {
  it('creates one selection item on install and shows the normalised selection before calling, even on a call-at-once site', async () => {
    registerContextMenu();
    listeners.installed?.();
    expect(created).toEqual([{ id: CALL_SELECTION_MENU, title: 'Call "%s"', contexts: ['selection'] }]);
    listeners.clicked?.({ menuItemId: CALL_SELECTION_MENU, selectionText: 'Tel.: 030 1234567', pageUrl: 'https://crm.example/x' });
    await vi.waitFor(() =>
      expect(confirmations).toEqual([{ dial: '+49301234567', site: 'crm.example', source: 'menu', reasons: ['selection'], region: 'DE' }]),
    );
    expect(calls).toEqual([]);
  });

  it('tells the user when the selection is not a phone number', async () => {
    await callSelection('see you at 10:30', 'crm.example');
    expect(calls).toEqual([]);
    expect(notices[0]).toMatch(/"see you at 10:30" is not a phone number/);
  });
});
