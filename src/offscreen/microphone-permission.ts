import type { MicrophonePermission } from '../shared/snapshot';
import { ClickDialError } from '../shared/protocol';

// The offscreen document cannot show a permission prompt: without an earlier
// grant (from the onboarding tab) getUserMedia fails at once, and SIP.js would
// reject an incoming call with 480. So we look before we call or answer.

export async function queryMicrophone(): Promise<MicrophonePermission> {
  try {
    const status = await navigator.permissions.query({ name: 'microphone' });
    return status.state;
  } catch {
    return 'unknown';
  }
}

export async function requireMicrophone(): Promise<MicrophonePermission> {
  const state = await queryMicrophone();
  if (state === 'denied') {
    throw new ClickDialError(
      'The microphone is blocked for ClickDial. Open the microphone setup (Allow microphone) to see how to unblock it, then try again.',
      'no-microphone',
    );
  }
  if (state === 'prompt') {
    throw new ClickDialError(
      'ClickDial may not use the microphone yet. Click "Allow microphone" and accept the browser\'s question, then try again.',
      'no-microphone',
    );
  }
  return state;
}
