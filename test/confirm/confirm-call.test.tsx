// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ARM_MS, ConfirmCall } from '../../src/confirm/confirm-call';
import type { CallConfirmation } from '../../src/shared/call-confirmation';
import { decodeConfirmation, encodeConfirmation } from '../../src/shared/call-confirmation';

const base: CallConfirmation = { dial: '+14155550102', site: 'crm.example', source: 'link', reasons: ['asked'], region: 'US' };

function mount(confirmation: CallConfirmation | null) {
  let clock = 0;
  const done: string[] = [];
  const actions = {
    call: async (dial: string) => void done.push(`call ${dial}`),
    callAtOnceFrom: async (site: string) => void done.push(`at once ${site}`),
    close: () => void done.push('close'),
  };
  const root = document.createElement('div');
  document.body.append(root);
  void act(() => render(<ConfirmCall confirmation={confirmation} actions={actions} now={() => clock} />, root));
  return {
    root,
    done,
    advance: (ms: number) => (clock += ms),
    button: (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name),
  };
}

afterEach(() => document.body.replaceChildren());

describe('the confirmation window', () => {
  it('shows the number formatted and in E.164, its country, the site and a differing link text', () => {
    const { root } = mount({ ...base, text: 'Call support 0800 123', reasons: ['asked', 'text-differs'] });
    const text = (id: string) => root.querySelector(`[data-testid=${id}]`)?.textContent;
    expect(text('confirm-number')).toBe('(415) 555-0102');
    expect(text('confirm-e164')).toBe('+14155550102');
    expect(text('confirm-country')).toBe('United States');
    expect(text('confirm-site')).toBe('crm.example');
    expect(text('confirm-link-text')).toBe('“Call support 0800 123”');
    expect(text('confirm-warnings')).toMatch(/does not show this number/);
    // The focused Call button carries the number and the warnings for screen readers.
    expect(root.querySelector('button.call')?.getAttribute('aria-describedby')).toBe('confirm-number confirm-warnings');
  });

  it('focuses Call; Call does nothing until armed, then calls once and closes', async () => {
    const { root, done, advance, button } = mount(base);
    const call = button('Call') as HTMLButtonElement;
    expect(document.activeElement).toBe(call);
    await act(async () => call.click());
    expect(done).toEqual([]); // an Enter meant for the page, a moment before, lands here
    advance(ARM_MS);
    await act(async () => call.click());
    expect(done).toEqual(['call +14155550102', 'close']);
    expect(root.textContent).not.toContain('broken');
  });

  it('any press before Call is armed starts the quiet time again: rapid Enter or clicks never call', async () => {
    const { done, advance, button } = mount(base);
    const call = button('Call') as HTMLButtonElement;
    for (let i = 0; i < 10; i++) {
      advance(ARM_MS - 100);
      await act(async () => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true })));
      await act(async () => call.click());
    }
    expect(done).toEqual([]);
    advance(ARM_MS);
    await act(async () => call.click());
    expect(done).toEqual(['call +14155550102', 'close']);
  });

  it('remembers "call at once" for the site only when asked to', async () => {
    const { root, done, advance, button } = mount(base);
    const box = root.querySelector('input[type=checkbox]') as HTMLInputElement;
    await act(async () => box.click());
    advance(ARM_MS);
    await act(async () => (button('Call') as HTMLButtonElement).click());
    expect(done).toEqual(['at once crm.example', 'call +14155550102', 'close']);
  });

  it('offers no "call at once" for risky numbers or selections, and Escape or Cancel drop the call', async () => {
    const { root, done, button } = mount({ ...base, dial: '911', source: 'selection', reasons: ['selection', 'emergency'] });
    expect(root.querySelector('input[type=checkbox]')).toBeNull();
    expect(root.textContent).toMatch(/emergency number/);
    await act(async () => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })));
    await act(async () => (button('Cancel') as HTMLButtonElement).click());
    expect(done).toEqual(['close', 'close']);
  });

  it('refuses a broken or forged fragment and calls nothing', () => {
    expect(decodeConfirmation('#' + encodeConfirmation(base))).toEqual(base);
    const withLine = { ...base, line: { id: 'account-2', label: '1001@second.test' } };
    expect(decodeConfirmation('#' + encodeConfirmation(withLine))).toEqual(withLine);
    for (const bad of [
      '#' + encodeURIComponent(JSON.stringify({ ...base, line: { id: 'a b', label: 'x' } })),
      '#{',
      '#' + encodeURIComponent(JSON.stringify({ ...base, dial: 'sip:evil@x' })),
      '#' + encodeURIComponent(JSON.stringify({ ...base, reasons: ['none'] })),
    ]) {
      expect(decodeConfirmation(bad)).toBeNull();
    }
    const { root, button } = mount(null);
    expect(root.textContent).toMatch(/nothing was called/);
    expect(button('Call')).toBeUndefined();
  });
});
