import { usePhoneSnapshot } from '../shared/use-phone';
import type { PhoneActions } from '../shared/phone-actions';
import type { PhoneStore } from '../shared/phone-store';
import { HISTORY_KEY } from '../shared/call-history';
import { CONVERSATIONS_KEY } from '../shared/conversations';
import { parseHistory } from '../shared/stored-call-history';
import { parseConversations } from '../shared/stored-conversations';
import { PopupTabs } from './popup-tabs';
import { useStored } from './use-stored';
import { useAnnouncements } from '../shared/use-announcements';
import { t } from '../shared/i18n';
import { useCallerNames } from './use-caller-names';

/** The one place the popup subscribes to the phone; everything below takes props. */
export function PopupApp({ store, actions, onPopOut }: { store: PhoneStore; actions: PhoneActions; onPopOut?: () => Promise<unknown> }) {
  const snapshot = usePhoneSnapshot(store);
  // Before anything below renders a name: contacts name their numbers on every surface.
  useCallerNames();
  const history = useStored(HISTORY_KEY, parseHistory);
  const conversations = useStored(CONVERSATIONS_KEY, parseConversations);
  const spoken = useAnnouncements(snapshot, store.loaded(), { calls: true });
  if (!store.loaded() && !store.error()) {
    return (
      <main class="phone">
        <h1 class="sr-only">{t('extension_name')}</h1>
        <p role="status" class="loading">
          {t('popup_starting')}
        </p>
      </main>
    );
  }
  return (
    <PopupTabs
      snapshot={snapshot}
      actions={actions}
      unreachable={store.error()}
      history={history}
      conversations={conversations}
      spoken={spoken}
      onPopOut={onPopOut}
    />
  );
}
