import { render } from 'preact';
import { MicrophoneOnboarding } from './microphone-onboarding';
import { localizeDocument, t } from '../shared/i18n';

// microphone.html?device=camera is the camera's onboarding: the same page, the camera's words.
const device = new URLSearchParams(location.search).get('device') === 'camera' ? 'camera' : 'microphone';
localizeDocument(document, t(device === 'camera' ? 'page_title_camera' : 'page_title_microphone'));
const root = document.getElementById('root');
if (root) render(<MicrophoneOnboarding device={device} />, root);
