import { useEffect, useRef, useState } from 'preact/hooks';
import { accountLabel, canRetry, describeAccount } from '../shared/account-selectors';
import { request } from '../shared/messenger';
import type { AccountSnapshot, MicrophonePermission } from '../shared/snapshot';
import type { StoredAccount } from '../shared/stored-accounts';
import { t } from '../shared/i18n';
import { Sentence } from '../shared/sentence';
import { say } from '../shared/words';

interface Props {
  stored: StoredAccount;
  /** What the phone has of it (undefined until the phone took the change). */
  state: AccountSnapshot | undefined;
  /** Whether calls could be taken at all: a blocked microphone is said instead of "Registered". */
  microphone: MicrophonePermission;
  isDefault: boolean;
  several: boolean;
  first: boolean;
  last: boolean;
  editing: boolean;
  onEdit: () => void;
  act: (work: () => Promise<unknown>) => void;
  /** The account was removed (the form stops editing it). */
  onRemoved: () => void;
}

/** One account: its state in words, its error, and what can be done with it. */
export function AccountRow({ stored, state, microphone, isDefault, several, first, last, editing, onEdit, act, onRemoved }: Props) {
  const [confirmRemove, setConfirmRemove] = useState(false);
  // Asking moves focus to Keep (the safe answer); Keep or Escape brings it back to Remove.
  const keep = useRef<HTMLButtonElement>(null);
  const remove = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirmRemove) keep.current?.focus();
    else if (asked.current) remove.current?.focus();
    asked.current = confirmRemove;
  }, [confirmRemove]);
  const label = accountLabel(stored.account.aor);
  const { id } = stored;
  return (
    <li class={`account-row${editing ? ' editing' : ''}`} data-account={id} aria-label={label}>
      <p>
        <Sentence
          message="options_account_status"
          parts={{
            state: (
              <strong data-testid="registration-state">
                {state ? describeAccount(state, microphone) : t(stored.wantsOnline ? 'account_connecting' : 'account_offline')}
              </strong>
            ),
            account: <span class="account-aor">{label}</span>,
          }}
        />
        {several && isDefault && <span class="default-mark"> {t('options_account_default_mark')}</span>}
      </p>
      {state?.registrationError && (
        <p class="error" role="alert" data-testid="registration-error">
          {say(state.registrationError)}
        </p>
      )}
      <div class="account-actions">
        {canRetry(state) && (
          <button
            type="button"
            onClick={() => act(() => request('phone.retry', { accountId: id }))}
            aria-label={t('status_retry_now_for', { account: label })}
          >
            {t('status_retry_now')}
          </button>
        )}
        {stored.wantsOnline ? (
          <button type="button" onClick={() => act(() => request('account.setOnline', { id, online: false }))}>
            {t('options_account_disconnect')}
          </button>
        ) : (
          <button type="button" onClick={() => act(() => request('account.setOnline', { id, online: true }))}>
            {t('options_account_connect')}
          </button>
        )}
        <button type="button" onClick={onEdit} aria-pressed={editing} aria-label={t('options_account_edit_label', { account: label })}>
          {t('options_account_edit')}
        </button>
        {several && !isDefault && (
          <button
            type="button"
            onClick={() => act(() => request('account.setDefault', { id }))}
            aria-label={t('options_account_make_default_label', { account: label })}
          >
            {t('options_account_make_default')}
          </button>
        )}
        {several && (
          <>
            <button
              type="button"
              disabled={first}
              onClick={() => act(() => request('account.move', { id, offset: -1 }))}
              aria-label={t('options_account_move_up_label', { account: label })}
            >
              {t('options_account_move_up')}
            </button>
            <button
              type="button"
              disabled={last}
              onClick={() => act(() => request('account.move', { id, offset: 1 }))}
              aria-label={t('options_account_move_down_label', { account: label })}
            >
              {t('options_account_move_down')}
            </button>
          </>
        )}
        {confirmRemove ? (
          <span
            role="group"
            aria-label={t('options_account_remove_question', { account: label })}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.preventDefault();
              setConfirmRemove(false);
            }}
          >
            {t('options_account_remove_confirm', { account: label })}{' '}
            <button
              type="button"
              class="danger"
              onClick={() =>
                act(async () => {
                  await request('account.remove', { id });
                  onRemoved();
                })
              }
            >
              {t('options_account_remove')}
            </button>
            <button type="button" ref={keep} onClick={() => setConfirmRemove(false)}>
              {t('options_account_keep')}
            </button>
          </span>
        ) : (
          <button
            type="button"
            ref={remove}
            onClick={() => setConfirmRemove(true)}
            aria-label={t('options_account_remove_label', { account: label })}
          >
            {t('options_account_remove')}
          </button>
        )}
      </div>
    </li>
  );
}
