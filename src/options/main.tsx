import { render } from 'preact';
import { createPhoneActions } from '../shared/phone-actions';
import { createPhoneStore } from '../shared/phone-store';
import { OptionsApp } from './options-app';
import { localizeDocument, t } from '../shared/i18n';

localizeDocument(document, t('page_title_options'));
const root = document.getElementById('root');
if (root) render(<OptionsApp store={createPhoneStore()} actions={createPhoneActions()} />, root);
