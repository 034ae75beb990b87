import { accountLabel, canRetry, describeAccount } from '../shared/account-selectors';
import type { AccountSnapshot, MicrophonePermission } from '../shared/snapshot';
import type { ViewProps } from './phone-view';
import { t } from '../shared/i18n';
import { say } from '../shared/words';

/** Each account's state: one line per account, with its error and a way back online. */
export function StatusBar({ snapshot, actions }: ViewProps) {
  const several = snapshot.accounts.length > 1;
  return (
    <header class="status">
      {snapshot.accounts.length === 0 && (
        <div class="status-line">
          <span class="dot idle" aria-hidden="true" />
          <strong data-testid="registration-state">{t('account_not_set_up')}</strong>
          <button type="button" class="link settings" onClick={() => void actions.openSetup()}>
            {t('status_set_up_account')}
          </button>
        </div>
      )}
      {snapshot.accounts.map((account, index) => (
        <AccountStatus
          key={account.id}
          account={account}
          isDefault={several && account.id === snapshot.defaultAccountId}
          microphone={snapshot.microphone}
          settings={index === 0 ? () => void actions.openOptions() : undefined}
          goOnline={() => void actions.setOnline(true, account.id)}
          retry={() => void actions.retry(account.id)}
        />
      ))}
    </header>
  );
}

function AccountStatus({
  account,
  isDefault,
  microphone,
  settings,
  goOnline,
  retry,
}: {
  account: AccountSnapshot;
  isDefault: boolean;
  microphone: MicrophonePermission;
  settings: (() => void) | undefined;
  goOnline: () => void;
  retry: () => void;
}) {
  const blocked = account.registration === 'registered' && microphone === 'denied';
  const tone = blocked || account.registrationError ? 'bad' : account.registration === 'registered' ? 'ok' : 'idle';
  const label = accountLabel(account.aor);
  return (
    <div class="account-status" data-account={account.id}>
      <div class="status-line">
        <span class={`dot ${tone}`} aria-hidden="true" />
        <strong data-testid="registration-state">{describeAccount(account, microphone)}</strong>
        <span class="aor">
          {label}
          {isDefault && <span class="default-mark"> {t('status_default')}</span>}
        </span>
        {settings && (
          <button type="button" class="link settings" onClick={settings}>
            {t('status_settings')}
          </button>
        )}
      </div>
      {account.registrationError && (
        <p class="registration-error" role="alert" data-testid="registration-error">
          {say(account.registrationError)}
        </p>
      )}
      {canRetry(account) && (
        <button type="button" onClick={retry} aria-label={t('status_retry_now_for', { account: label })}>
          {t('status_retry_now')}
        </button>
      )}
      {!account.wantsOnline && (
        <button type="button" onClick={goOnline} aria-label={t('status_go_online_as', { account: label })}>
          {t('status_go_online')}
        </button>
      )}
    </div>
  );
}
