import { render } from 'preact';
import { createPhoneActions } from '../shared/phone-actions';
import { createPhoneStore } from '../shared/phone-store';
import { SetupApp } from './setup-app';
import { localizeDocument, t } from '../shared/i18n';

localizeDocument(document, t('page_title_setup'));
const root = document.getElementById('root');
if (root) render(<SetupApp store={createPhoneStore()} actions={createPhoneActions()} />, root);
