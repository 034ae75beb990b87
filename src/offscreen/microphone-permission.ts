import type { MicrophonePermission } from '../shared/snapshot';
import { ClickDialError } from '../shared/protocol';
import { words } from '../shared/words';

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
    throw new ClickDialError(words('microphone_blocked'), 'no-microphone');
  }
  if (state === 'prompt') {
    throw new ClickDialError(words('microphone_not_allowed_yet'), 'no-microphone');
  }
  return state;
}
