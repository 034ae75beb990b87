// @vitest-environment happy-dom
// Synthetic events are never trusted (isTrusted is false), which is what page
// script produces; the trusted path is covered end to end with Playwright.
import { afterEach, describe, expect, it } from 'vitest';
import { listenForCalls } from '../../src/content/call-clicks';

const controller = new AbortController();
afterEach(() => document.body.replaceChildren());

describe('listenForCalls', () => {
  it('never calls on a click made by page script, and keeps our link from navigating', () => {
    const calls: string[] = [];
    const ours = document.createElement('a');
    ours.href = 'tel:+14155550132';
    ours.textContent = '+1 415 555 0132';
    const tel = document.createElement('a');
    tel.href = 'tel:1002';
    document.body.append(ours, tel);
    listenForCalls(
      controller.signal,
      { ours: (a) => (a === ours ? { number: '+14155550132', intact: () => true } : undefined), takeOverLinks: true },
      (c) => calls.push(c.number),
    );

    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    ours.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    ours.click();
    const onTel = new MouseEvent('click', { bubbles: true, cancelable: true });
    tel.dispatchEvent(onTel);
    // The page's own tel: link too: taken or not, a page cannot tell what ClickDial did with a click.
    expect(onTel.defaultPrevented).toBe(true);
    const named = document.createElement('a');
    named.href = 'sip:alice@example.com';
    document.body.append(named);
    const onNamed = new MouseEvent('click', { bubbles: true, cancelable: true });
    named.dispatchEvent(onNamed);
    expect(onNamed.defaultPrevented).toBe(false); // not a number: not ours, the browser's default stays
    expect(calls).toEqual([]);
  });

  it('stops listening when the signal aborts', () => {
    const local = new AbortController();
    let asked = 0;
    const a = document.createElement('a');
    a.href = 'tel:1';
    document.body.append(a);
    listenForCalls(local.signal, { ours: () => (asked++, undefined), takeOverLinks: false }, () => undefined);
    local.abort();
    a.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(asked).toBe(0);
  });
});
