// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useDtmf } from '../../src/popup/use-dtmf-keys';
import { recordingActions } from './mock-snapshot';

describe('useDtmf', () => {
  it('sends tones one at a time, in the order typed, even when a request is slow', async () => {
    const actions = recordingActions();
    const started: string[] = [];
    const release: (() => void)[] = [];
    actions.sendDtmf = (_callId, tone) => {
      started.push(tone);
      return new Promise((resolve) => release.push(() => resolve(null)));
    };
    let send: ((callId: string, tone: string) => void) | undefined;
    function Probe() {
      send = useDtmf('call-1', actions, async (action) => {
        await action();
        return true;
      }).send;
      return null;
    }
    const root = document.createElement('div');
    void act(() => render(<Probe />, root));
    send?.('call-1', '7');
    send?.('call-1', '9');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: '#' }));
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toEqual(['7']); // '9' waits for '7'
    release.shift()?.();
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toEqual(['7', '9']);
    release.shift()?.();
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toEqual(['7', '9', '#']);
  });
});
