// The user's SIP accounts (lines): each with its state, connect/disconnect,
// edit, move, default and remove; below, the form for the one being edited
// (the first one unless another is chosen, or a new one).
import { useEffect, useState } from 'preact/hooks';
import { request } from '../shared/messenger';
import { MAX_ACCOUNTS, type StoredAccount } from '../shared/stored-accounts';
import type { PhoneSnapshot } from '../shared/snapshot';
import { AccountForm } from './account-form';
import { AccountRow } from './account-row';
import { t } from '../shared/i18n';
import { Sentence } from '../shared/sentence';

interface Stored {
  accounts: StoredAccount[];
  defaultId: string | null;
}

/** The saved accounts, read again whenever the phone's list of accounts changes. */
function useStoredAccounts(snapshot: PhoneSnapshot): { stored: Stored | undefined; error: string | undefined; reload: () => void } {
  const [stored, setStored] = useState<Stored>();
  const [error, setError] = useState<string>();
  const [nonce, setNonce] = useState(0);
  const shape = `${snapshot.accounts.map((a) => `${a.id}:${a.aor}:${a.wantsOnline}`).join(',')}|${snapshot.defaultAccountId ?? ''}`;
  useEffect(() => {
    request('account.list', {}).then(
      (list) => {
        setStored(list);
        setError(undefined);
      },
      (e: unknown) => setError(t('options_accounts_load_failed', { error: e instanceof Error ? e.message : String(e) })),
    );
  }, [shape, nonce]);
  return { stored, error, reload: () => setNonce((n) => n + 1) };
}

/** What the form edits: an account by id, or a new one. */
type Editing = { kind: 'first' } | { kind: 'account'; id: string } | { kind: 'new' };

export function AccountsPanel({ snapshot }: { snapshot: PhoneSnapshot }) {
  const { stored, error: loadError, reload } = useStoredAccounts(snapshot);
  const [editing, setEditing] = useState<Editing>({ kind: 'first' });
  const [error, setError] = useState<string>();
  const accounts = stored?.accounts ?? [];
  const act = (work: () => Promise<unknown>) => {
    setError(undefined);
    work().then(reload, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  // The account the form edits; one just added may not be in the list read so far.
  const editedId = editing.kind === 'new' ? undefined : editing.kind === 'account' ? editing.id : accounts[0]?.id;
  const edited = accounts.find((a) => a.id === editedId);
  return (
    <>
      <section class="panel" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t('options_accounts_heading')}</h2>
        {!stored && !loadError && <p role="status">{t('options_accounts_loading')}</p>}
        {loadError && (
          <p class="error" role="alert">
            {loadError}
          </p>
        )}
        {stored && accounts.length === 0 && (
          <p>
            <Sentence
              message="options_accounts_none"
              parts={{ state: <strong data-testid="registration-state">{t('account_not_set_up')}</strong> }}
            />
          </p>
        )}
        <ol class="account-list">
          {accounts.map((account, index) => (
            <AccountRow
              key={account.id}
              stored={account}
              state={snapshot.accounts.find((a) => a.id === account.id)}
              microphone={snapshot.microphone}
              isDefault={account.id === (stored?.defaultId ?? accounts[0]?.id)}
              several={accounts.length > 1}
              first={index === 0}
              last={index === accounts.length - 1}
              editing={editedId === account.id}
              onEdit={() => setEditing({ kind: 'account', id: account.id })}
              act={act}
              onRemoved={() => {
                if (editedId === account.id) setEditing({ kind: 'first' });
              }}
            />
          ))}
        </ol>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {accounts.length > 0 && accounts.length < MAX_ACCOUNTS && (
          <button type="button" onClick={() => setEditing({ kind: 'new' })} disabled={editing.kind === 'new'}>
            {t('options_accounts_add')}
          </button>
        )}
      </section>
      <AccountForm
        id={editedId}
        saved={edited?.account}
        onSaved={(id) => {
          setEditing({ kind: 'account', id });
          reload();
        }}
      />
    </>
  );
}
