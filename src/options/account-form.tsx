import { useEffect, useRef, useState } from 'preact/hooks';
import {
  accountProblems,
  emptyAccount,
  formatIceServers,
  parseIceServers,
  type AccountField,
  type AccountProblems,
  type SipAccount,
} from '../shared/account';
import { accountProblemText } from './account-problem-text';
import { request } from '../shared/messenger';
import { accountLabel } from '../shared/account-selectors';
import { t, type MessageKey } from '../shared/i18n';

type TextField = Exclude<AccountField, 'iceServers'>;

// Placeholders are addresses (the same in every language) or a word from the catalogue.
const FIELDS: { name: TextField; label: MessageKey; type: 'text' | 'password'; placeholder: () => string; hint?: MessageKey }[] = [
  { name: 'server', label: 'options_field_server', type: 'text', placeholder: () => 'wss://pbx.example.com:8089/ws' },
  { name: 'aor', label: 'options_field_aor', type: 'text', placeholder: () => 'sip:1001@pbx.example.com' },
  {
    name: 'authorizationUser',
    label: 'options_field_authorization_user',
    type: 'text',
    placeholder: () => t('options_field_optional'),
    hint: 'options_field_authorization_user_hint',
  },
  { name: 'password', label: 'options_field_password', type: 'password', placeholder: () => '' },
  { name: 'displayName', label: 'options_field_display_name', type: 'text', placeholder: () => t('options_field_optional') },
];

interface Props {
  /** The account being edited; undefined for a new one. */
  id: string | undefined;
  /** Its saved data (undefined for a new account, or while it loads). */
  saved: SipAccount | undefined;
  /** Called with the account's id once saved. */
  onSaved: (id: string) => void;
}

/** Adds or edits one SIP account; "Save and connect" saves it and goes online with it. */
export function AccountForm({ id, saved, onSaved }: Props) {
  const [account, setAccount] = useState<SipAccount>(emptyAccount());
  const [ice, setIce] = useState('');
  const [errors, setErrors] = useState<AccountProblems>({});
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string }>();

  // The account whose saved data the form holds (null: none yet). The form
  // loads an account once, when it is chosen: the list is read again after
  // every change, and that must never overwrite what the user is typing.
  const [loadedId, setLoadedId] = useState<string | undefined | null>(null);
  const justSaved = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (id === loadedId) return;
    if (id !== undefined && !saved) return; // wait for its data
    setLoadedId(id);
    if (id !== undefined && justSaved.current === id) return; // the account just added: the form holds it already
    setAccount(saved ?? emptyAccount());
    setIce(saved ? formatIceServers(saved.iceServers) : '');
    setErrors({});
    setStatus(undefined);
  }, [id, saved, loadedId]);

  const save = async (e: Event) => {
    e.preventDefault();
    const candidate: SipAccount = { ...account, iceServers: parseIceServers(ice) };
    const found = accountProblems(candidate);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus({ kind: 'error', text: t('options_account_fix_fields') });
      return;
    }
    setStatus(undefined);
    try {
      const { id: savedId } = await request('account.save', { ...(id !== undefined ? { id } : {}), account: candidate });
      justSaved.current = savedId;
      setStatus({ kind: 'ok', text: t('options_account_saved') });
      onSaved(savedId);
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const inputProps = (name: TextField) => ({
    name,
    placeholder: FIELDS.find((f) => f.name === name)?.placeholder() ?? '',
    value: account[name],
    'aria-invalid': errors[name] ? true : undefined,
    onInput: (ev: { currentTarget: HTMLInputElement }) => setAccount({ ...account, [name]: ev.currentTarget.value }),
  });

  return (
    <form class="panel account" onSubmit={(event) => void save(event)} noValidate aria-labelledby="account-heading">
      <h2 id="account-heading">
        {id === undefined
          ? t('options_account_add_heading')
          : saved
            ? t('options_account_heading', { account: accountLabel(saved.aor) })
            : t('options_account_heading_loading')}
      </h2>
      <p class="hint">{t('options_account_stored_where')}</p>
      {FIELDS.map((field) => (
        <label key={field.name} class="field">
          <span>{t(field.label)}</span>
          {field.type === 'password' ? (
            <input type="password" autoComplete="current-password" {...inputProps(field.name)} />
          ) : (
            <input type="text" autoComplete="off" {...inputProps(field.name)} />
          )}
          {field.hint && <small class="hint">{t(field.hint)}</small>}
          {errors[field.name] && (
            <small class="error" role="alert">
              {accountProblemText(errors[field.name]!)}
            </small>
          )}
        </label>
      ))}
      <label class="field">
        <span>{t('options_field_ice_servers')}</span>
        <textarea
          name="iceServers"
          rows={2}
          placeholder={t('options_field_ice_servers_placeholder')}
          value={ice}
          onInput={(ev) => setIce(ev.currentTarget.value)}
        />
        <small class="hint">{t('options_field_ice_servers_hint')}</small>
        {errors.iceServers && (
          <small class="error" role="alert">
            {accountProblemText(errors.iceServers)}
          </small>
        )}
      </label>
      <button type="submit" class="primary">
        {t('options_account_save')}
      </button>
      {status && (
        <p class={status.kind === 'ok' ? 'ok' : 'error'} role="status" data-testid="save-status">
          {status.text}
        </p>
      )}
    </form>
  );
}
