// The form that adds or edits one contact: a name and up to ten numbers, each
// with its type. Every field has a label; a refusal (no usable number) is
// said in an alert and marks the first number field invalid.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  CONTACT_TYPES,
  NAME_LIMIT,
  NUMBERS_PER_CONTACT,
  NUMBER_LIMIT,
  cleanContact,
  type Contact,
  type ContactInput,
  type ContactNumberType,
} from '../shared/contacts';
import { numberTypeLabel } from '../shared/contact-words';
import { t } from '../shared/i18n';

interface Props {
  /** The contact edited; undefined for a new one. */
  contact: Contact | undefined;
  onSave: (contact: ContactInput) => Promise<boolean>;
  onCancel: () => void;
}

interface Row {
  number: string;
  type: ContactNumberType;
}

export function ContactForm({ contact, onSave, onCancel }: Props) {
  const [name, setName] = useState(contact?.name ?? '');
  const [rows, setRows] = useState<Row[]>(contact?.numbers.map((n) => ({ ...n })) ?? [{ number: '', type: 'mobile' }]);
  const [error, setError] = useState<string>();
  const setRow = (index: number, change: Partial<Row>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const id = contact?.id ?? 'new';
  // Focus to the name when the form opens (autofocus only works while a page loads).
  const nameField = useRef<HTMLInputElement>(null);
  useEffect(() => nameField.current?.focus(), []);
  return (
    <form
      class="contact-form panel"
      aria-labelledby={`contact-form-heading-${id}`}
      onSubmit={(e) => {
        e.preventDefault();
        const clean = cleanContact({ name, numbers: rows.filter((r) => r.number.trim() !== '') });
        // Every number typed must be one: a typo is said, not dropped silently.
        const typed = rows.filter((r) => r.number.trim() !== '').length;
        if (!clean || clean.numbers.length < typed) {
          setError(t('contacts_error_number'));
          return;
        }
        setError(undefined);
        void onSave(clean);
      }}
    >
      <h3 id={`contact-form-heading-${id}`}>{contact ? t('contacts_edit_heading') : t('contacts_new_heading')}</h3>
      <label class="field">
        {t('contacts_name_label')}
        <input
          ref={nameField}
          type="text"
          maxLength={NAME_LIMIT}
          autoComplete="off"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      {rows.map((row, index) => (
        <div class="row contact-number" key={index}>
          <label class="field">
            {t('contacts_number_label', { index: index + 1 })}
            <input
              type="tel"
              maxLength={NUMBER_LIMIT}
              autoComplete="off"
              value={row.number}
              aria-invalid={error !== undefined && index === 0 ? true : undefined}
              aria-describedby={error !== undefined && index === 0 ? `contact-form-error-${id}` : undefined}
              onInput={(e) => setRow(index, { number: e.currentTarget.value })}
            />
          </label>
          <label class="field">
            {t('contacts_type_label', { index: index + 1 })}
            <select value={row.type} onChange={(e) => setRow(index, { type: e.currentTarget.value as ContactNumberType })}>
              {CONTACT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {numberTypeLabel(type)}
                </option>
              ))}
            </select>
          </label>
          {rows.length > 1 && (
            <button type="button" onClick={() => setRows((all) => all.filter((_, i) => i !== index))}>
              {t('contacts_remove_number', { index: index + 1 })}
            </button>
          )}
        </div>
      ))}
      {rows.length < NUMBERS_PER_CONTACT && (
        <button type="button" onClick={() => setRows((all) => [...all, { number: '', type: 'mobile' }])}>
          {t('contacts_add_number')}
        </button>
      )}
      {error !== undefined && (
        <p class="error" role="alert" id={`contact-form-error-${id}`}>
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary">
          {t('contacts_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('contacts_cancel')}
        </button>
      </div>
    </form>
  );
}
