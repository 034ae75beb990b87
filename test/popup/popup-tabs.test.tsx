// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { PopupTabs, tabForKey } from '../../src/popup/popup-tabs';
import { mockSnapshot, recordingActions } from './mock-snapshot';

// The call list listens for ended calls (its summary) through the runtime.
vi.mock('webextension-polyfill', async () => (await import('./fake-runtime')).polyfill);

afterEach(() => document.body.replaceChildren());

describe('the popup tabs (ARIA tabs pattern)', () => {
  it('move with the arrows (wrapping), Home and End', () => {
    expect(tabForKey('ArrowRight', 'phone')).toBe('history');
    expect(tabForKey('ArrowRight', 'messages')).toBe('phone');
    expect(tabForKey('ArrowLeft', 'phone')).toBe('messages');
    expect(tabForKey('End', 'phone')).toBe('messages');
    expect(tabForKey('Home', 'messages')).toBe('phone');
    expect(tabForKey('Enter', 'phone')).toBeUndefined();
  });

  it('are one tab stop; an arrow selects the next tab, shows its panel and focuses it', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<PopupTabs snapshot={mockSnapshot()} actions={recordingActions()} history={[]} conversations={{}} />, root));
    const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    tabs[0]?.focus();
    await act(
      () => void root.querySelector('[role=tablist]')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })),
    );
    const now = [...root.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    expect(now.map((t) => t.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    expect(now.map((t) => t.tabIndex)).toEqual([-1, 0, -1]);
    expect(document.activeElement?.id).toBe('tab-history');
    expect(root.querySelector('[role=tabpanel]')?.id).toBe('panel-history');
  });
});
