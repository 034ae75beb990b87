// The call window's decisions (background/call-window.ts) with Chrome's
// windows, contexts and side panel APIs mocked: the setting, at most one,
// not focused for a ringing call, the side panel with its fallback.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallWindowMode } from '../../src/shared/phone-settings';
import type { PhoneSnapshot } from '../../src/shared/snapshot';
import { mockCall } from '../popup/mock-snapshot';

let mode: CallWindowMode = 'window';
vi.mock('../../src/background/settings-store', () => ({ loadPhoneSettings: async () => ({ callWindow: mode }) }));

const PAGE = 'chrome-extension://id/src/call-window/call-window.html';
let contexts: { contextType: string; documentUrl: string; windowId: number }[] = [];
const windows = new Map<number, object>();
const log: unknown[] = [];
let sidePanelAllowed = false;
let nextId = 10;

vi.stubGlobal('chrome', {
  runtime: {
    getURL: (path: string) => `chrome-extension://id/${path}`,
    getContexts: async () => contexts,
  },
  windows: {
    get: async (id: number) => {
      if (!windows.has(id)) throw new Error('No window with id');
      return { id };
    },
    getLastFocused: async () => ({ id: 1, left: 0, top: 0, width: 1200, height: 800 }),
    create: async (data: object) => {
      log.push(['create', data]);
      const id = nextId++;
      windows.set(id, data);
      return { id };
    },
    update: async (id: number, data: object) => void log.push(['update', id, data]),
  },
  sidePanel: {
    open: async (options: object) => {
      if (!sidePanelAllowed) throw new Error('sidePanel.open() may only be called in response to a user gesture.');
      log.push(['sidePanel', options]);
    },
  },
});

const { showCallWindow, showCallWindowForRings } = await import('../../src/background/call-window');

const creates = () => log.filter((e) => (e as unknown[])[0] === 'create');

beforeEach(() => {
  mode = 'window';
  contexts = [];
  windows.clear();
  log.length = 0;
  sidePanelAllowed = false;
});

describe('the call window', () => {
  it('opens a small focused window for a call the user placed, and an unfocused one for a ringing call', async () => {
    await showCallWindow('action');
    expect(creates()).toEqual([['create', expect.objectContaining({ url: PAGE, type: 'popup', focused: true })]]);
    windows.clear();
    log.length = 0;
    await showCallWindow('incoming');
    expect(creates()).toEqual([['create', expect.objectContaining({ url: PAGE, type: 'popup', focused: false })]]);
  });

  it('opens none with "never", except for the popup\'s Pop out', async () => {
    mode = 'never';
    await showCallWindow('action');
    await showCallWindow('incoming');
    expect(log).toEqual([]);
    await showCallWindow('popOut');
    expect(creates()).toHaveLength(1);
  });

  it('at most one: an open window is brought forward (a ringing call only asks for attention)', async () => {
    contexts = [{ contextType: 'TAB', documentUrl: PAGE, windowId: 7 }];
    await showCallWindow('action');
    await showCallWindow('incoming');
    expect(log).toEqual([
      ['update', 7, { focused: true }],
      ['update', 7, { drawAttention: true }],
    ]);
  });

  it('requests at once open one window, also before its page is listed among the contexts', async () => {
    await Promise.all([showCallWindow('action'), showCallWindow('incoming'), showCallWindow('popOut')]);
    expect(creates()).toHaveLength(1);
    // Closed by the user: the next call opens it again.
    windows.clear();
    await showCallWindow('action');
    expect(creates()).toHaveLength(2);
  });

  it('the side panel when chosen and Chrome lets it open; else the window; an open side panel is enough', async () => {
    mode = 'sidePanel';
    sidePanelAllowed = true;
    await showCallWindow('action');
    expect(log).toEqual([['sidePanel', { windowId: 1 }]]);
    log.length = 0;
    sidePanelAllowed = false;
    await showCallWindow('incoming');
    expect(creates()).toEqual([['create', expect.objectContaining({ focused: false })]]);
    windows.clear();
    log.length = 0;
    contexts = [{ contextType: 'SIDE_PANEL', documentUrl: PAGE, windowId: 1 }];
    await showCallWindow('incoming');
    expect(log).toEqual([]);
  });

  it('a call that starts ringing shows it once, however many snapshots follow', async () => {
    const ringing = mockCall({ id: 'r1', direction: 'incoming', state: 'ringing' });
    const snapshot = (calls: PhoneSnapshot['calls']) => ({ calls }) as PhoneSnapshot;
    showCallWindowForRings(snapshot([ringing]));
    showCallWindowForRings(snapshot([ringing]));
    await showCallWindow('popOut'); // queued after them: they are done when it is
    expect(creates()).toEqual([['create', expect.objectContaining({ focused: false })]]);
    log.length = 0;
    windows.clear();
    showCallWindowForRings(snapshot([{ ...ringing, state: 'active' }]));
    showCallWindowForRings(snapshot([]));
    await showCallWindow('action');
    expect(creates()).toHaveLength(1); // only the 'action' one
  });
});
