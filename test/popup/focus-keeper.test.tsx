// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { FocusRequestProvider, WANTED_MS, focusable, useFocusKeeper, useFocusRequest, type Finder } from '../../src/popup/focus-keeper';
import type { CallSnapshot, PhoneSnapshot } from '../../src/shared/snapshot';
import { mockCall, mockSnapshot } from './mock-snapshot';

afterEach(() => document.body.replaceChildren());

let ask: (find: Finder) => void = () => undefined;

function Asker() {
  ask = useFocusRequest();
  return null;
}

/** A stand-in for the popup: a card per call with its buttons, the dial field without calls. */
function Phone({ snapshot, clock }: { snapshot: PhoneSnapshot; clock: { now: number } }) {
  const request = useFocusKeeper(snapshot, () => clock.now);
  const button = (call: CallSnapshot) =>
    call.direction === 'incoming' && call.state === 'ringing' ? (
      <button data-focus="answer">Answer</button>
    ) : (
      <button data-focus={call.held ? 'resume' : 'hold'}>{call.held ? 'Resume' : 'Hold'}</button>
    );
  return (
    <FocusRequestProvider value={request}>
      <Asker />
      {snapshot.calls.map((call) => (
        <article key={call.id} class={`call${snapshot.activeCallId === call.id ? ' current' : ''}`} data-call-id={call.id}>
          {button(call)}
          <button data-focus="hangup">Hang up</button>
        </article>
      ))}
      {snapshot.calls.length === 0 && <input data-focus="dial" aria-label="Number or SIP address" />}
      <button class="elsewhere">Elsewhere</button>
    </FocusRequestProvider>
  );
}

async function mount(first: PhoneSnapshot) {
  const root = document.createElement('div');
  document.body.append(root);
  const clock = { now: 0 };
  const show = async (snapshot: PhoneSnapshot) => {
    await act(() => render(<Phone snapshot={snapshot} clock={clock} />, root));
    await act(() => new Promise((r) => setTimeout(r, 0)));
  };
  await show(first);
  const focused = () => {
    const el = document.activeElement as HTMLElement | null;
    return `${el?.closest('article')?.dataset.callId ?? ''}:${el?.textContent || el?.getAttribute('aria-label') || el?.tagName}`;
  };
  return { show, focused, clock, root };
}

const incoming = (id: string) => mockCall({ id, direction: 'incoming', state: 'ringing', answeredAt: undefined });

describe('the popup focus keeper', () => {
  it('moves focus to Answer when a call starts ringing, wherever focus was', async () => {
    const { show, focused } = await mount(mockSnapshot());
    (document.querySelector('.elsewhere') as HTMLElement).focus();
    await show(mockSnapshot({ calls: [incoming('a')] }));
    expect(focused()).toBe('a:Answer');
    // A second caller (call waiting) takes it to its own Answer.
    (document.querySelector('.elsewhere') as HTMLElement).focus();
    await show(mockSnapshot({ calls: [mockCall({ id: 'a' }), incoming('b')], activeCallId: 'a' }));
    expect(focused()).toBe('b:Answer');
  });

  it('leaves focus alone while nothing is wanted and it is not lost', async () => {
    const { show, focused } = await mount(mockSnapshot({ calls: [mockCall({ id: 'a' })], activeCallId: 'a' }));
    (document.querySelector('.elsewhere') as HTMLElement).focus();
    await show(mockSnapshot({ calls: [mockCall({ id: 'a', muted: true })], activeCallId: 'a' }));
    expect(focused()).toBe(':Elsewhere');
  });

  it('gives what was asked for once it shows: Hold becomes Resume', async () => {
    const { show, focused } = await mount(mockSnapshot({ calls: [mockCall({ id: 'a' })], activeCallId: 'a' }));
    (document.querySelector('[data-focus=hold]') as HTMLElement).focus();
    ask(focusable('resume', 'a'));
    await show(mockSnapshot({ calls: [mockCall({ id: 'a' })], activeCallId: 'a' }));
    expect(focused()).toBe('a:Hold');
    await show(mockSnapshot({ calls: [mockCall({ id: 'a', held: true })] }));
    expect(focused()).toBe('a:Resume');
  });

  it('forgets a wish whose element never came, after WANTED_MS', async () => {
    const { show, focused, clock } = await mount(mockSnapshot({ calls: [mockCall({ id: 'a' })], activeCallId: 'a' }));
    (document.querySelector('.elsewhere') as HTMLElement).focus();
    ask(focusable('resume', 'a'));
    clock.now = WANTED_MS + 1;
    await show(mockSnapshot({ calls: [mockCall({ id: 'a' })], activeCallId: 'a' }));
    clock.now = 0;
    await show(mockSnapshot({ calls: [mockCall({ id: 'a', held: true })] }));
    expect(focused()).toBe(':Elsewhere');
  });

  it('puts focus lost to <body> on Answer, else the current Hang up, else the dial field', async () => {
    const { show, focused } = await mount(mockSnapshot({ calls: [mockCall({ id: 'a' }), incoming('b')], activeCallId: 'a' }));
    (document.activeElement as HTMLElement | null)?.blur();
    await show(mockSnapshot({ calls: [mockCall({ id: 'a' }), incoming('b')], activeCallId: 'a', revision: 2 }));
    expect(focused()).toBe('b:Answer');
    await show(mockSnapshot({ calls: [mockCall({ id: 'a' })], activeCallId: 'a' }));
    expect(focused()).toBe('a:Hang up');
    await show(mockSnapshot());
    expect(focused()).toBe(':Number or SIP address');
  });
});
