import { render } from 'preact';
import { decodeConfirmation } from '../shared/call-confirmation';
import { ConfirmCall } from './confirm-call';
import { confirmActions } from './confirm-actions';
import { localizeDocument, t } from '../shared/i18n';

localizeDocument(document, t('page_title_confirm'));
const root = document.getElementById('root');
if (root) render(<ConfirmCall confirmation={decodeConfirmation(location.hash)} actions={confirmActions()} />, root);
