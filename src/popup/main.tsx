import { render } from 'preact';
import { createPhoneActions } from '../shared/phone-actions';
import { createPhoneStore } from '../shared/phone-store';
import { PopupApp } from './popup-app';
import { popOutToCallWindow } from './pop-out-to-call-window';
import { localizeDocument, t } from '../shared/i18n';

localizeDocument(document, t('extension_name'));
const root = document.getElementById('root');
if (root) render(<PopupApp store={createPhoneStore()} actions={createPhoneActions()} onPopOut={popOutToCallWindow} />, root);
