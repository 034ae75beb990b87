// The native context menu cannot be clicked from Playwright; its handler is
// tested here with the extension APIs mocked.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const listeners: { installed?: () => void; clicked?: (info: { menuItemId: string; selectionText?: string }) => void } = {};
vi.mock('webextension-polyfill', () => ({
  default: { runtime: { onInstalled: { addListener: (f: () => void) => (listeners.installed = f) } } },
}));
const created: unknown[] = [];
vi.stubGlobal('chrome', {
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
  loadClickToCallSettings: async () => ({ enabled: true, defaultCountry: 'DE', takeOverLinks: true, allowList: [], denyList: [] }),
}));
const notices: string[] = [];
vi.mock('../../src/background/click-to-call-notice', () => ({ showClickToCallProblem: async (m: string) => void notices.push(m) }));
const calls: unknown[] = [];
vi.mock('../../src/background/router', () => ({ toPhone: async (type: string, payload: unknown) => void calls.push([type, payload]) }));

const { CALL_SELECTION_MENU, callSelection, registerContextMenu } = await import('../../src/background/context-menu');

beforeEach(() => {
  notices.length = 0;
  calls.length = 0;
});

describe('Call <selection>', () => {
  it('creates one selection item on install and calls the normalised selection on click', async () => {
    registerContextMenu();
    listeners.installed?.();
    expect(created).toEqual([{ id: CALL_SELECTION_MENU, title: 'Call "%s"', contexts: ['selection'] }]);
    listeners.clicked?.({ menuItemId: CALL_SELECTION_MENU, selectionText: 'Tel.: 030 1234567' });
    await vi.waitFor(() => expect(calls).toEqual([['phone.call', { target: '+49301234567' }]]));
  });

  it('tells the user when the selection is not a phone number', async () => {
    await callSelection('see you at 10:30');
    expect(calls).toEqual([]);
    expect(notices[0]).toMatch(/"see you at 10:30" is not a phone number/);
  });
});
