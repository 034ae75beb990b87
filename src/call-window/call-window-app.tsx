// The call window (and the side panel, which shows the same page): the
// popup's phone view (src/popup/phone-view.tsx: status, banners, call cards
// with every control, the dial pad between calls), in a surface that stays
// open. The service worker opens it (background/call-window.ts). It only
// shows the phone and sends the user's commands: the calls live in the
// offscreen document, so closing this page changes nothing in them.
import { usePhoneSnapshot } from '../shared/use-phone';
import type { PhoneActions } from '../shared/phone-actions';
import type { PhoneStore } from '../shared/phone-store';
import { useAnnouncements } from '../shared/use-announcements';
import { LiveRegions } from '../shared/live-regions';
import { FocusRequestProvider, useFocusKeeper } from '../popup/focus-keeper';
import { PhoneView } from '../popup/phone-view';
import { t } from '../shared/i18n';

/** The one place the call window subscribes to the phone. */
export function CallWindowApp({ store, actions }: { store: PhoneStore; actions: PhoneActions }) {
  const snapshot = usePhoneSnapshot(store);
  // It opened for a call (it rang, or the user placed it outside ClickDial): that call is said, not only shown.
  const spoken = useAnnouncements(snapshot, store.loaded(), { calls: true, openedForCalls: true });
  // Focus follows the calls as in the popup: Answer when one rings, Hang up once answered.
  const requestFocus = useFocusKeeper(snapshot);
  const loading = !store.loaded() && !store.error();
  return (
    <FocusRequestProvider value={requestFocus}>
      <main class="popup call-window" data-testid="call-window">
        <h1 class="sr-only">{t('callwin_page_title')}</h1>
        <LiveRegions spoken={spoken} />
        {loading ? (
          <p role="status" class="loading">
            {t('popup_starting')}
          </p>
        ) : (
          <PhoneView snapshot={snapshot} actions={actions} unreachable={store.error()} siteSwitch={false} />
        )}
      </main>
    </FocusRequestProvider>
  );
}
