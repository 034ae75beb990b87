// @vitest-environment happy-dom
// The end-of-call summary in the call list: shown when a call of ours ends,
// with how long it lasted; Redial places the call again, Close removes it.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallList } from '../../src/popup/call-list';
import type { EndedCall } from '../../src/shared/snapshot';
import { fromPhone } from './fake-runtime';
import { mockCall, mockSnapshot, recordingActions } from './mock-snapshot';

vi.mock('webextension-polyfill', async () => (await import('./fake-runtime')).polyfill);

afterEach(() => {
  render(null, document.body);
  document.body.replaceChildren();
});

async function show(): Promise<ReturnType<typeof recordingActions>> {
  const actions = recordingActions();
  await act(() =>
    render(<CallList snapshot={mockSnapshot({ calls: [] })} actions={actions} run={async (a) => (await a(), true)} />, document.body),
  );
  return actions;
}

const ended = (change: Partial<EndedCall> = {}, call = {}): EndedCall => ({
  call: mockCall({ answeredAt: 1_000, ...call }),
  outcome: 'completed',
  endedAt: 66_000,
  ...change,
});

const summary = () => document.querySelector('section.call-summary');
const button = (name: string) =>
  [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);

describe('the end-of-call summary', () => {
  it('says who and how long, and Redial calls the same address from the same line', async () => {
    const actions = await show();
    expect(summary()).toBeNull();
    await act(() => fromPhone({ target: 'subscribers', type: 'phone.callEnded', payload: ended() }));
    expect(summary()?.getAttribute('aria-label')).toBe('Call with 1002 ended');
    expect(summary()?.textContent).toContain('Lasted 1 min, 5 sec');
    await act(async () => button('Redial')?.click());
    expect(actions.calls).toContainEqual(['call', ['sip:1002@clickdial.test', 'account-1']]);
    expect(summary()).toBeNull();
  });

  it('closes with its Close button; none for a missed incoming call', async () => {
    await show();
    await act(() => fromPhone({ target: 'subscribers', type: 'phone.callEnded', payload: ended() }));
    await act(() => button('Close call summary')?.click());
    expect(summary()).toBeNull();
    const missed = ended({ outcome: 'missed' }, { direction: 'incoming', answeredAt: undefined });
    await act(() => fromPhone({ target: 'subscribers', type: 'phone.callEnded', payload: missed }));
    expect(summary()).toBeNull();
  });

  it('an outgoing call that was never answered says so, and can be redialled', async () => {
    await show();
    const refused = ended({ outcome: 'declined' }, { direction: 'outgoing', answeredAt: undefined });
    await act(() => fromPhone({ target: 'subscribers', type: 'phone.callEnded', payload: refused }));
    expect(summary()?.textContent).toContain('Not connected');
    expect(button('Redial')).toBeDefined();
  });
});
