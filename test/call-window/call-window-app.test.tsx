// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallWindowApp } from '../../src/call-window/call-window-app';
import type { PhoneStore } from '../../src/shared/phone-store';
import { mockCall, mockSnapshot, recordingActions } from '../popup/mock-snapshot';
import { PopupTabs } from '../../src/popup/popup-tabs';

// The live regions also hear the phone's events (none come here).
vi.mock('webextension-polyfill', () => {
  const listeners = { addListener: () => undefined, removeListener: () => undefined };
  return { default: { runtime: { onMessage: listeners }, storage: { local: { get: async () => ({}) }, onChanged: listeners } } };
});

afterEach(() => document.body.replaceChildren());

function store(snapshot = mockSnapshot()): PhoneStore {
  return {
    getSnapshot: () => snapshot,
    subscribe: () => () => undefined,
    error: () => undefined,
    loaded: () => true,
    settled: () => Promise.resolve(),
  };
}

async function mount(node: preact.ComponentChild): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(node, root));
  return root;
}

describe('the call window', () => {
  it("shows the popup's call card with its controls (Answer for a ringing call), live regions, and no site switch", async () => {
    const actions = recordingActions();
    const ringing = mockCall({ id: 'c1', direction: 'incoming', state: 'ringing', answeredAt: undefined });
    const root = await mount(<CallWindowApp store={store(mockSnapshot({ calls: [ringing] }))} actions={actions} />);
    expect(root.querySelector('h1')?.textContent).toBe('ClickDial: calls');
    expect(root.querySelector('[data-testid=live-polite]')).not.toBeNull();
    expect(root.querySelector('[role=tablist]')).toBeNull();
    expect(root.textContent).not.toContain('Pop out');
    const answer = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Answer');
    expect(answer).toBeDefined();
    await act(() => answer?.click());
    expect(actions.calls).toContainEqual(['answer', ['c1']]);
  });

  it('says the call it opened for (the popup only shows the calls it opens with)', async () => {
    const ringing = mockCall({ id: 'c1', direction: 'incoming', state: 'ringing', answeredAt: undefined });
    const props = { store: store(mockSnapshot({ calls: [ringing] })), actions: recordingActions() };
    const root = await mount(<CallWindowApp {...props} />);
    await act(async () => undefined);
    expect(root.querySelector('[data-testid=live-assertive]')?.textContent).toBe('Incoming call from 1002.');
  });

  it('shows the dial pad between calls', async () => {
    const root = await mount(<CallWindowApp store={store()} actions={recordingActions()} />);
    expect(root.querySelector('[aria-label="Number or SIP address"]')).not.toBeNull();
  });
});

describe("the popup's Pop out", () => {
  it('is a button that runs the pop-out, and there only when the popup gives one', async () => {
    let popped = 0;
    const props = { snapshot: mockSnapshot(), actions: recordingActions(), history: [], conversations: {} };
    const without = await mount(<PopupTabs {...props} />);
    expect(without.textContent).not.toContain('Pop out');
    const root = await mount(<PopupTabs {...props} onPopOut={async () => void (popped += 1)} />);
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Pop out');
    expect(button?.title).toBe('Show the phone in a window of its own, which stays open');
    await act(() => button?.click());
    expect(popped).toBe(1);
  });

  it('says why when the window could not open, and stays', async () => {
    const props = { snapshot: mockSnapshot(), actions: recordingActions(), history: [], conversations: {} };
    const root = await mount(<PopupTabs {...props} onPopOut={() => Promise.reject(new Error('No window today.'))} />);
    await act(async () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Pop out')?.click());
    await act(async () => undefined);
    expect(root.querySelector('[role=alert]')?.textContent).toContain('No window today.');
  });
});
