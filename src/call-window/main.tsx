import { render } from 'preact';
import { createPhoneActions } from '../shared/phone-actions';
import { createPhoneStore, whenSettled } from '../shared/phone-store';
import { CallWindowApp } from './call-window-app';
import { localizeDocument, t } from '../shared/i18n';

localizeDocument(document, t('callwin_page_title'));
const root = document.getElementById('root');
const store = createPhoneStore();
// Shown once the phone's state is in: the first paint has it (issue 12: within 100 ms of opening).
if (root) whenSettled(store, () => render(<CallWindowApp store={store} actions={createPhoneActions()} />, root));
