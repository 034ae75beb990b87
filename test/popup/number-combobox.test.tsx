// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { NumberCombobox } from '../../src/popup/number-combobox';
import type { DialSuggestion } from '../../src/shared/dial-suggestions';

const SUGGESTIONS: DialSuggestion[] = [
  { key: 's0', label: 'Alice Smith', dial: '+14155550100', shown: '(415) 555-0100', type: 'mobile', recent: false },
  { key: 's1', label: 'Courier', dial: '+14155550199', shown: '(415) 555-0199', recent: true },
];

let root: HTMLElement;
const picked: DialSuggestion[] = [];
let value = '';

function Harness({ suggestions }: { suggestions: DialSuggestion[] }) {
  const [raw, setRaw] = useState('');
  value = raw;
  return (
    <NumberCombobox
      value={raw}
      onValue={setRaw}
      suggestions={raw === '' ? [] : suggestions}
      onPick={(s) => picked.push(s)}
      country="US"
      label="Number or SIP address"
      placeholder="1002"
    />
  );
}

function mount(suggestions = SUGGESTIONS) {
  root = document.createElement('div');
  document.body.append(root);
  void act(() => render(<Harness suggestions={suggestions} />, root));
  return root.querySelector('input')!;
}

function type(input: HTMLInputElement, text: string) {
  void act(() => {
    input.value = text;
    input.setSelectionRange(text.length, text.length);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const key = (input: HTMLInputElement, k: string) => {
  const event = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
  void act(() => void input.dispatchEvent(event));
  return event;
};

afterEach(() => {
  render(null, root);
  root.remove();
  picked.length = 0;
});

describe('NumberCombobox', () => {
  it('is a combobox that opens its listbox when there are suggestions', () => {
    const input = mount();
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    const list = root.querySelector('[role=listbox]')!;
    expect(input.getAttribute('aria-controls')).toBe(list.id);
    type(input, 'al');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect([...root.querySelectorAll('[role=option]')].map((o) => o.textContent)).toEqual([
      'Alice Smith (415) 555-0100 · Mobile',
      'Courier (415) 555-0199 · recent',
    ]);
    expect(root.querySelector('[role=status]')?.textContent).toBe('2 suggestions: up and down arrows to choose, Enter to take one.');
  });

  it('moves through the options with the arrows (wrapping), named by aria-activedescendant; Enter picks', () => {
    const input = mount();
    type(input, 'a');
    expect(input.getAttribute('aria-activedescendant')).toBeNull();
    key(input, 'ArrowDown');
    const options = [...root.querySelectorAll('[role=option]')];
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    key(input, 'ArrowUp');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    const enter = key(input, 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(picked.map((s) => s.label)).toEqual(['Courier']);
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('leaves Enter to the form when no option is chosen; Escape closes the list first, then goes to the form', () => {
    const input = mount();
    type(input, 'a');
    expect(key(input, 'Enter').defaultPrevented).toBe(false);
    expect(picked).toEqual([]);
    expect(key(input, 'Escape').defaultPrevented).toBe(true);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(key(input, 'Escape').defaultPrevented).toBe(false);
  });

  it('keeps the list when focus leaves the field, so the buttons below do not move under a click', () => {
    const input = mount();
    type(input, 'a');
    void act(() => void input.dispatchEvent(new FocusEvent('blur')));
    expect(input.getAttribute('aria-expanded')).toBe('true');
  });

  it('picks an option on click', () => {
    const input = mount();
    type(input, 'a');
    void act(() => root.querySelectorAll<HTMLElement>('[role=option]')[0]!.click());
    expect(picked.map((s) => s.label)).toEqual(['Alice Smith']);
  });

  it('formats a number as it is typed and hands on the digits', () => {
    const input = mount([]);
    type(input, '+14155550132');
    expect(input.value).toBe('+1 415 555 0132');
    expect(value).toBe('+14155550132');
    type(input, 'alice');
    expect(input.value).toBe('alice');
    expect(value).toBe('alice');
  });

  it('keeps the caret after the digit typed in the middle of a formatted number', () => {
    const input = mount([]);
    type(input, '+1415555');
    expect(input.value).toBe('+1 415 555');
    // A 9 typed after "+1 4": the caret stays after it, not at the end.
    void act(() => {
      input.value = '+1 49 415 555'.replace('49 415', '4915');
      input.setSelectionRange(5, 5);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(value).toBe('+14915555');
    expect(input.selectionStart).toBe(input.value.indexOf('9') + 1);
  });
});
