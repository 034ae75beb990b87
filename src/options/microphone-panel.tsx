import type { PhoneActions } from '../shared/phone-actions';
import type { PhoneSnapshot } from '../shared/snapshot';

const WORDS: Record<PhoneSnapshot['microphone'], string> = {
  granted: 'Allowed',
  denied: 'Blocked',
  prompt: 'Not yet allowed',
  unknown: 'Unknown',
};

export function MicrophonePanel({ snapshot, actions }: { snapshot: PhoneSnapshot; actions: PhoneActions }) {
  return (
    <section class="panel" aria-labelledby="microphone-heading">
      <h2 id="microphone-heading">Microphone</h2>
      <p>
        Microphone: <strong data-testid="microphone-state">{WORDS[snapshot.microphone]}</strong>
      </p>
      {snapshot.microphone !== 'granted' && (
        <button type="button" onClick={() => void actions.openMicrophoneSetup()}>
          Allow microphone
        </button>
      )}
    </section>
  );
}
