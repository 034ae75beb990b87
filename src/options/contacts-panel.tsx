// The address book in the options: search, add, edit, delete (with Undo) and
// import. The worker stores it (background/contact-store.ts); this panel
// reads it from storage.local as it changes. Names are rendered as text.
//
//   list ──Add / Edit──▶ form ──Save (worker accepts)──▶ list, "Saved X", focus on X's Edit
//     │                   └──Cancel / Escape──▶ list, focus back where it came from
//     └──Delete──▶ list without X, "Deleted X" [Undo] (focused) ──Undo──▶ X back under its id
import { useEffect, useMemo, useState } from 'preact/hooks';
import { request } from '../shared/messenger';
import type { Contact, ContactInput } from '../shared/contacts';
import { sortContacts } from '../shared/contacts';
import { contactMatches } from '../shared/dial-suggestions';
import { formatNumber } from '../shared/number-display';
import { numberTypeLabel } from '../shared/contact-words';
import { useAddressBook } from '../shared/use-address-book';
import { plural, t, uiLanguage } from '../shared/i18n';
import { ContactForm } from './contact-form';
import { ContactImport } from './contact-import';

/** Rows rendered at once: a 5,000-contact book is searched, not scrolled. */
const SHOWN_LIMIT = 200;

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'contact'; id: string };
type Status = { kind: 'said'; text: string } | { kind: 'error'; text: string } | { kind: 'deleted'; contact: Contact } | undefined;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Call and Video call for one of a contact's numbers; the call window shows the call. */
function CallButtons({ name, number, shown, onError }: { name: string; number: string; shown: string; onError: (text: string) => void }) {
  const call = (video: boolean) => {
    request('phone.call', { target: number, ...(video ? { video } : {}) }).catch((e: unknown) => onError(errorText(e)));
  };
  return (
    <>
      <button
        type="button"
        class="contact-call"
        aria-label={t('contacts_call_number', { name, number: shown })}
        onClick={() => call(false)}
      >
        {t('dial_call')}
      </button>{' '}
      <button
        type="button"
        class="contact-call"
        aria-label={t('contacts_video_call_number', { name, number: shown })}
        onClick={() => call(true)}
      >
        {t('video_call')}
      </button>
    </>
  );
}

/** The selector of a contact's Edit button (where focus goes back to). */
function editButtonOf(id: string): string {
  return `[data-contact-id="${CSS.escape(id)}"] .contact-edit`;
}

export function ContactsPanel() {
  const { contacts, country, loaded } = useAddressBook();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [status, setStatus] = useState<Status>();
  // Where focus goes once the list shows what just changed (a CSS selector inside the panel).
  const [focusTarget, setFocusTarget] = useState<string>();
  const sorted = useMemo(() => sortContacts(contacts, uiLanguage()), [contacts]);
  const found = useMemo(() => sorted.filter((c) => contactMatches(c, query, country)), [sorted, query, country]);
  useEffect(() => {
    if (!focusTarget) return;
    const element = document.querySelector<HTMLElement>(`#contacts-panel ${focusTarget}`);
    if (element) {
      element.focus();
      setFocusTarget(undefined);
    }
  });
  const edited = editing.kind === 'contact' ? contacts.find((c) => c.id === editing.id) : undefined;
  const save = async (contact: ContactInput): Promise<boolean> => {
    try {
      const { id } = await request('contacts.save', { contact, ...(edited ? { id: edited.id } : {}) });
      setEditing({ kind: 'none' });
      setStatus({ kind: 'said', text: t('contacts_saved', { name: contact.name }) });
      setQuery('');
      setFocusTarget(editButtonOf(id));
      return true;
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
      return false;
    }
  };
  const remove = (contact: Contact) => {
    request('contacts.remove', { id: contact.id }).then(
      () => {
        setStatus({ kind: 'deleted', contact });
        setFocusTarget('.contact-undo');
      },
      (e: unknown) => setStatus({ kind: 'error', text: errorText(e) }),
    );
  };
  const undo = (contact: Contact) => {
    const { id, ...input } = contact;
    request('contacts.save', { id, contact: input }).then(
      () => {
        setStatus({ kind: 'said', text: t('contacts_restored', { name: contact.name }) });
        setFocusTarget(editButtonOf(id));
      },
      (e: unknown) => setStatus({ kind: 'error', text: errorText(e) }),
    );
  };
  const closeForm = () => {
    setFocusTarget(edited ? editButtonOf(edited.id) : '.contact-add');
    setEditing({ kind: 'none' });
  };
  return (
    <section
      class="panel contacts"
      id="contacts-panel"
      aria-labelledby="contacts-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && editing.kind !== 'none') {
          e.preventDefault();
          closeForm();
        }
      }}
    >
      <h2 id="contacts-heading">{t('contacts_heading')}</h2>
      <p class="hint">{t('contacts_hint')}</p>
      <p role="status" class={status?.kind === 'error' ? 'error' : 'ok'} data-testid="contacts-status">
        {status?.kind === 'said' && status.text}
        {status?.kind === 'deleted' && t('contacts_deleted', { name: status.contact.name })}
      </p>
      {status?.kind === 'deleted' && (
        <button type="button" class="contact-undo" onClick={() => undo(status.contact)}>
          {t('contacts_undo')}
        </button>
      )}
      {status?.kind === 'error' && (
        <p class="error" role="alert">
          {status.text}
        </p>
      )}
      <ContactImport onDone={({ ok, text }) => setStatus({ kind: ok ? 'said' : 'error', text })} />
      {editing.kind === 'new' ? (
        <ContactForm contact={undefined} onSave={save} onCancel={closeForm} />
      ) : (
        <button type="button" class="contact-add" onClick={() => setEditing({ kind: 'new' })}>
          {t('contacts_add')}
        </button>
      )}
      <label class="field">
        {t('contacts_search_label')}
        <input
          type="search"
          placeholder={t('contacts_search_placeholder')}
          value={query}
          aria-controls="contact-list"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </label>
      <p class="hint" aria-live="polite">
        {loaded && contacts.length === 0
          ? t('contacts_empty')
          : query.trim() !== '' && found.length === 0
            ? t('contacts_no_match', { query: query.trim() })
            : loaded
              ? plural('contacts_count', query.trim() === '' ? contacts.length : found.length)
              : ''}
      </p>
      <ul class="account-list contact-list" id="contact-list" aria-labelledby="contacts-heading">
        {found.slice(0, SHOWN_LIMIT).map((contact) =>
          edited?.id === contact.id ? (
            <li key={contact.id} data-contact-id={contact.id}>
              <ContactForm contact={contact} onSave={save} onCancel={closeForm} />
            </li>
          ) : (
            <li key={contact.id} class="account-row contact-row" data-contact-id={contact.id}>
              <p>
                <strong class="contact-name">{contact.name}</strong>
              </p>
              <ul class="contact-numbers">
                {contact.numbers.map((n, i) => (
                  <li key={i}>
                    {numberTypeLabel(n.type)}: <span class="contact-number-text">{formatNumber(n.number, country)}</span>{' '}
                    <CallButtons
                      name={contact.name}
                      number={n.number}
                      shown={formatNumber(n.number, country)}
                      onError={(text) => setStatus({ kind: 'error', text })}
                    />
                  </li>
                ))}
              </ul>
              <div class="account-actions">
                <button
                  type="button"
                  class="contact-edit"
                  aria-label={t('contacts_edit_named', { name: contact.name })}
                  onClick={() => setEditing({ kind: 'contact', id: contact.id })}
                >
                  {t('contacts_edit')}
                </button>
                <button
                  type="button"
                  class="contact-delete"
                  aria-label={t('contacts_delete_named', { name: contact.name })}
                  onClick={() => remove(contact)}
                >
                  {t('contacts_delete')}
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      {found.length > SHOWN_LIMIT && <p class="hint">{t('contacts_shown', { shown: SHOWN_LIMIT, total: found.length })}</p>}
    </section>
  );
}
