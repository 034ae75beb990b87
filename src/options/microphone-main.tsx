import { render } from 'preact';
import { MicrophoneOnboarding } from './microphone-onboarding';
import { localizeDocument, t } from '../shared/i18n';

localizeDocument(document, t('page_title_microphone'));
const root = document.getElementById('root');
if (root) render(<MicrophoneOnboarding />, root);
