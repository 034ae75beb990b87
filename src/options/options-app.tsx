import { usePhoneSnapshot } from '../shared/use-phone';
import type { PhoneActions } from '../shared/phone-actions';
import type { PhoneStore } from '../shared/phone-store';
import { AccountsPanel } from './accounts-panel';
import { AudioPanel } from './audio-panel';
import { CallSettingsPanel } from './call-settings-panel';
import { ClickToCallPanel } from './click-to-call-panel';
import { ContactsPanel } from './contacts-panel';
import { MicrophonePanel } from './microphone-panel';
import { ShortcutsPanel } from './shortcuts-panel';
import { LiveRegions } from '../shared/live-regions';
import { useAnnouncements } from '../shared/use-announcements';
import { t } from '../shared/i18n';
import { Sentence } from '../shared/sentence';

export function OptionsApp({ store, actions }: { store: PhoneStore; actions: PhoneActions }) {
  const snapshot = usePhoneSnapshot(store);
  // Registration changes are said here too: the options are where an account is set up and fixed.
  const spoken = useAnnouncements(snapshot, store.loaded(), { calls: false });
  return (
    <main class="options">
      <h1>{t('extension_name')}</h1>
      <p class="hint">
        <Sentence message="options_new_to_clickdial" parts={{ setup: <a href="../setup/setup.html">{t('options_the_setup')}</a> }} />
      </p>
      <LiveRegions spoken={spoken} />
      {!store.loaded() && (
        <section class="panel">
          {store.error() ? (
            <p class="error" role="alert">
              {store.error()}
            </p>
          ) : (
            <p role="status">{t('options_checking_phone')}</p>
          )}
        </section>
      )}
      <AccountsPanel snapshot={snapshot} />
      <MicrophonePanel snapshot={snapshot} actions={actions} />
      <CallSettingsPanel />
      <AudioPanel />
      <ClickToCallPanel />
      <ContactsPanel />
      <ShortcutsPanel />
    </main>
  );
}
