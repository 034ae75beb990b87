import type { PhoneActions } from '../shared/phone-actions';
import type { PhoneSnapshot } from '../shared/snapshot';
import { t, type MessageKey } from '../shared/i18n';
import { Sentence } from '../shared/sentence';

const WORDS: Record<PhoneSnapshot['microphone'], MessageKey> = {
  granted: 'options_microphone_state_granted',
  denied: 'options_microphone_state_denied',
  prompt: 'options_microphone_state_prompt',
  unknown: 'options_microphone_state_unknown',
};

export function MicrophonePanel({ snapshot, actions }: { snapshot: PhoneSnapshot; actions: PhoneActions }) {
  return (
    <section class="panel" aria-labelledby="microphone-heading">
      <h2 id="microphone-heading">{t('options_audio_microphone')}</h2>
      <p>
        <Sentence
          message="options_microphone_state"
          parts={{ state: <strong data-testid="microphone-state">{t(WORDS[snapshot.microphone])}</strong> }}
        />
      </p>
      {snapshot.microphone !== 'granted' && (
        <button type="button" onClick={() => void actions.openMicrophoneSetup()}>
          {t('microphone_allow')}
        </button>
      )}
    </section>
  );
}
