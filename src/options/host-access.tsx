// Click-to-call on all sites, an optional permission: what it is for, whether
// it is on, and the button that asks Chrome (the options' click-to-call panel
// and the setup show this). The state follows the grant live, also when the
// user changes it in chrome://extensions.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { CLICK_TO_CALL_ORIGINS, hasHostAccess, onPermissionsChanged, requestHostAccess } from '../shared/host-access';
import { t } from '../shared/i18n';

/** undefined while it is being read. */
export function useHostAccess(): boolean | undefined {
  const [granted, setGranted] = useState<boolean>();
  useEffect(() => {
    const read = () => void hasHostAccess().then(setGranted, () => setGranted(false));
    read();
    return onPermissionsChanged(read);
  }, []);
  return granted;
}

export function HostAccess({ offerTurnOff = false }: { offerTurnOff?: boolean }) {
  const granted = useHostAccess();
  const [answer, setAnswer] = useState<string>();
  const ask = () => {
    setAnswer(undefined);
    // Straight from the click: Chrome asks only during a user gesture.
    requestHostAccess().then(
      (yes) => setAnswer(yes ? undefined : t('options_host_access_refused')),
      (e: unknown) => setAnswer(t('options_host_access_ask_failed', { error: e instanceof Error ? e.message : String(e) })),
    );
  };
  const turnOff = () => {
    setAnswer(undefined);
    browser.permissions.remove({ origins: [...CLICK_TO_CALL_ORIGINS] }).catch((e: unknown) => setAnswer(String(e)));
  };
  return (
    <div class="host-access">
      <p>{t('options_host_access_why')}</p>
      <p role="status" data-testid="host-access-state">
        {t(granted === undefined ? 'options_host_access_checking' : granted ? 'options_host_access_on' : 'options_host_access_off')}
      </p>
      {granted === false && (
        <button type="button" class="primary" onClick={ask}>
          {t('options_host_access_turn_on')}
        </button>
      )}
      {granted === true && offerTurnOff && (
        <button type="button" onClick={turnOff}>
          {t('options_host_access_turn_off')}
        </button>
      )}
      {answer && (
        <p class="error" role="alert">
          {answer}
        </p>
      )}
    </div>
  );
}
