import { render } from 'preact';
import { createPhoneActions } from '../shared/phone-actions';
import { createPhoneStore } from '../shared/phone-store';
import { CallWindowApp } from './call-window-app';
import { localizeDocument, t } from '../shared/i18n';

localizeDocument(document, t('callwin_page_title'));
const root = document.getElementById('root');
if (root) render(<CallWindowApp store={createPhoneStore()} actions={createPhoneActions()} />, root);
