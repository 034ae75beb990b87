// Setup step 1: the options' account form, and below it what the phone makes
// of the account, live: registered, or why not in words, with "Retry now".
import { useEffect, useState } from 'preact/hooks';
import { canRetry, describeAccount } from '../shared/account-selectors';
import { request } from '../shared/messenger';
import type { PhoneActions } from '../shared/phone-actions';
import type { PhoneSnapshot } from '../shared/snapshot';
import type { StoredAccount } from '../shared/stored-accounts';
import { AccountForm } from '../options/account-form';
import { t } from '../shared/i18n';
import { Sentence } from '../shared/sentence';

/** The name of Asterisk's WebSocket transport in pjsip.conf: a setting's name, the same in every language. */
const PJSIP_TRANSPORT = 'transport-wss';
import { say } from '../shared/words';

export function AccountStep({ snapshot, actions }: { snapshot: PhoneSnapshot; actions: PhoneActions }) {
  const [accounts, setAccounts] = useState<StoredAccount[]>();
  const [id, setId] = useState<string>();
  const [error, setError] = useState<string>();
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    request('account.list', {}).then(
      (list) => {
        setAccounts(list.accounts);
        // A setup taken up again edits the account entered before.
        setId((current) => current ?? list.accounts[0]?.id);
      },
      (e: unknown) => setError(t('options_accounts_load_failed', { error: e instanceof Error ? e.message : String(e) })),
    );
  }, [nonce]);
  const state = snapshot.accounts.find((a) => a.id === id);
  return (
    <>
      <p>
        <Sentence message="setup_account_intro" parts={{ transport: <code>{PJSIP_TRANSPORT}</code> }} />
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {accounts ? (
        <AccountForm
          id={id}
          saved={accounts.find((a) => a.id === id)?.account}
          onSaved={(saved) => {
            setId(saved);
            setNonce((n) => n + 1);
          }}
        />
      ) : (
        !error && <p role="status">{t('setup_account_loading')}</p>
      )}
      {id !== undefined && (
        <div class="setup-status">
          <p role="status">
            <Sentence
              message="setup_account_status"
              parts={{ state: <strong data-testid="setup-registration">{describeAccount(state, snapshot.microphone)}</strong> }}
            />
          </p>
          {state?.registrationError && (
            <p class="error" role="alert" data-testid="setup-registration-error">
              {say(state.registrationError)}
            </p>
          )}
          {canRetry(state) && (
            <button type="button" onClick={() => void actions.retry(id)}>
              {t('status_retry_now')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
