import { useState } from 'preact/hooks';
import { useFocusOnMount } from './focus-keeper';
import { t } from '../shared/i18n';
import { NumberCombobox } from './number-combobox';
import { useDialSuggestions } from './use-dial-suggestions';

interface Props {
  onBlind: (target: string) => Promise<boolean>;
  onConsult: (target: string) => Promise<boolean>;
  onClose: () => unknown;
}

/** Where to transfer a call: at once (blind), or after talking to the target (attended). */
export function TransferForm({ onBlind, onConsult, onClose }: Props) {
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string>();
  const input = useFocusOnMount<HTMLInputElement>();
  const { suggestions, country } = useDialSuggestions(target);
  const go = async (how: (target: string) => Promise<boolean>) => {
    if (target.trim() === '') {
      setError(t('popup_transfer_needs_target'));
      return;
    }
    setError(undefined);
    if (await how(target.trim())) onClose();
  };
  return (
    <form
      class="transfer-form"
      onSubmit={(e) => {
        e.preventDefault();
        void go(onBlind);
      }}
    >
      <NumberCombobox
        inputRef={input}
        label={t('transfer_to')}
        placeholder={t('dial_field_placeholder')}
        value={target}
        onValue={setTarget}
        suggestions={suggestions}
        country={country}
        // Two ways to transfer: choosing fills the field, the buttons say which.
        onPick={(s) => setTarget(s.dial)}
      />
      {error && (
        <small class="error" role="alert">
          {error}
        </small>
      )}
      <div class="call-buttons">
        <button type="submit">{t('transfer_now')}</button>
        <button type="button" onClick={() => void go(onConsult)}>
          {t('transfer_consult')}
        </button>
        <button type="button" aria-label={t('transfer_close')} onClick={() => onClose()}>
          ✕
        </button>
      </div>
    </form>
  );
}
