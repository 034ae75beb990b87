import { render } from 'preact';
import { MicrophoneOnboarding } from './microphone-onboarding';

const root = document.getElementById('root');
if (root) render(<MicrophoneOnboarding />, root);
