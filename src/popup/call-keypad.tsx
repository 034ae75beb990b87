import { t } from '../shared/i18n';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** The in-call keypad: each key sends its tone to the call at once. */
export function CallKeypad({ sent, onTone }: { sent: string; onTone: (tone: string) => void }) {
  return (
    <div class="call-keypad">
      <output class="dtmf-sent" aria-label={t('keypad_tones_sent')}>
        {sent || t('keypad_hint')}
      </output>
      <div class="keypad" role="group" aria-label={t('keypad_label')}>
        {KEYS.map((key) => (
          <button type="button" key={key} aria-label={t('keypad_tone', { key })} onClick={() => onTone(key)}>
            {key}
          </button>
        ))}
      </div>
    </div>
  );
}
