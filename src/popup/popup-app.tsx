import { usePhoneSnapshot } from '../shared/use-phone';
import type { PhoneActions } from '../shared/phone-actions';
import type { PhoneStore } from '../shared/phone-store';
import { PhoneView } from './phone-view';

/** The one place the popup subscribes to the phone; everything below takes props. */
export function PopupApp({ store, actions }: { store: PhoneStore; actions: PhoneActions }) {
  const snapshot = usePhoneSnapshot(store);
  return <PhoneView snapshot={snapshot} actions={actions} unreachable={store.error()} />;
}
