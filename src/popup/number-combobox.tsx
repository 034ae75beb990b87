// A number field that suggests contacts and recent numbers as you type (the
// ARIA combobox pattern with a listbox: Down and Up move through the options,
// named to screen readers by aria-activedescendant while focus stays in the
// field; Enter takes the one chosen; Escape closes the list, and a second
// Escape goes to the form). Phone numbers are formatted as typed; the value
// the form gets is what is dialled: the digits (and + * #), or the text as
// typed when it is a name or a SIP address.
//
//   closed ──typing that matches / Down──▶ open (nothing chosen)
//   open ──Down / Up──▶ an option chosen ──Enter / click──▶ onPick, closed
//   open ──Escape / nothing matches──▶ closed (until typed into again)
//
// Leaving the field keeps the list: it is in the page's flow, and closing it on
// the mousedown of Call or a dial key would move that button from under the click.
import type { Ref } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { DialSuggestion } from '../shared/dial-suggestions';
import { formatAsTyped, rawDialText } from '../shared/number-display';
import { numberTypeLabel } from '../shared/contact-words';
import { plural, t } from '../shared/i18n';

interface Props {
  /** What is dialled (unformatted). */
  value: string;
  onValue: (raw: string) => void;
  suggestions: DialSuggestion[];
  onPick: (suggestion: DialSuggestion) => void;
  country: string;
  label: string;
  placeholder: string;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  /** The popup's focus keeper finds the dial field by it. */
  dataFocus?: 'dial';
}

/** Characters that count for the caret: all but the separators formatting adds. */
const significant = (text: string) => text.replace(/[ ().\-/\u00a0]/g, '').length;

/** Where the caret goes in `formatted` to stay after `count` significant characters. */
function caretAfter(formatted: string, count: number): number {
  if (count === 0) return 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i++) {
    if (!/[ ().\-/\u00a0]/.test(formatted[i]!)) seen++;
    if (seen === count) return i + 1;
  }
  return formatted.length;
}

export function NumberCombobox({
  value,
  onValue,
  suggestions,
  onPick,
  country,
  label,
  placeholder,
  inputRef,
  autoFocus,
  dataFocus,
}: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const [active, setActive] = useState(-1);
  const [dismissed, setDismissed] = useState(false);
  const open = !dismissed && suggestions.length > 0;
  const chosen = open && active >= 0 && active < suggestions.length ? suggestions[active] : undefined;
  const optionId = (s: DialSuggestion) => `${id}-${s.key}`;
  const pick = (s: DialSuggestion) => {
    setDismissed(true);
    setActive(-1);
    onPick(s);
  };
  return (
    <div class="combobox">
      <input
        type="text"
        inputMode="tel"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={chosen ? optionId(chosen) : undefined}
        autoComplete="off"
        autoFocus={autoFocus}
        data-focus={dataFocus}
        ref={inputRef}
        placeholder={placeholder}
        value={formatAsTyped(value, country)}
        onInput={(e) => {
          const input = e.currentTarget;
          const typed = input.value;
          const raw = rawDialText(typed);
          const shown = formatAsTyped(raw, country);
          if (shown !== typed) {
            // Formatting moved characters: keep the caret after what the user typed.
            const caret = caretAfter(shown, significant(typed.slice(0, input.selectionStart ?? typed.length)));
            input.value = shown;
            input.setSelectionRange(caret, caret);
          }
          setDismissed(false);
          setActive(-1);
          onValue(raw);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            if (suggestions.length === 0) return;
            e.preventDefault();
            setDismissed(false);
            const n = suggestions.length;
            if (!open) setActive(e.key === 'ArrowDown' ? 0 : n - 1);
            else setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % n : i <= 0 ? n - 1 : i - 1));
          } else if (e.key === 'Enter' && chosen) {
            e.preventDefault();
            pick(chosen);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            e.stopPropagation();
            setDismissed(true);
            setActive(-1);
          }
        }}
      />
      <ul id={listId} role="listbox" class="suggestions" aria-label={t('contacts_suggestions')} hidden={!open}>
        {open &&
          suggestions.map((s, index) => (
            <li
              key={s.key}
              id={optionId(s)}
              role="option"
              aria-selected={index === active}
              class={index === active ? 'suggestion active' : 'suggestion'}
              // Keep focus in the field: the click picks, the field keeps the keyboard.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(s)}
            >
              <span class="suggestion-name">{s.label}</span>{' '}
              <span class="suggestion-number">
                {[
                  s.label === s.shown ? undefined : s.shown,
                  s.type !== undefined ? numberTypeLabel(s.type) : t('contacts_suggestion_recent'),
                ]
                  .filter((part) => part !== undefined)
                  .join(' · ')}
              </span>
            </li>
          ))}
      </ul>
      <span class="sr-only" role="status">
        {open ? plural('contacts_suggestions_shown', suggestions.length) : ''}
      </span>
    </div>
  );
}
