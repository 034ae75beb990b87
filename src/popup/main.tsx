import { render } from 'preact';
import { createPhoneActions } from '../shared/phone-actions';
import { createPhoneStore, whenSettled } from '../shared/phone-store';
import { PopupApp } from './popup-app';
import { popOutToCallWindow } from './pop-out-to-call-window';
import { localizeDocument, t } from '../shared/i18n';

localizeDocument(document, t('extension_name'));
const root = document.getElementById('root');
const store = createPhoneStore();
// Shown once the phone's state is in: the first paint has it (issue 12: within 100 ms of opening).
if (root) whenSettled(store, () => render(<PopupApp store={store} actions={createPhoneActions()} onPopOut={popOutToCallWindow} />, root));
