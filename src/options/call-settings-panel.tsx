import { useEffect, useState } from 'preact/hooks';
import { MAX_CALLS_LIMIT, type DtmfMethod } from '../shared/phone-settings';
import { usePhoneSettings } from './use-phone-settings';
import { CallWindowSetting } from './call-window-setting';
import { t, type MessageKey } from '../shared/i18n';

const DTMF_METHODS: [DtmfMethod, MessageKey][] = [
  ['rfc4733', 'options_calls_dtmf_rfc4733'],
  ['info', 'options_calls_dtmf_info'],
];

/** How key tones are sent, and how many calls the phone takes at once. */
export function CallSettingsPanel() {
  const { settings, save, status } = usePhoneSettings();
  const [maxCalls, setMaxCalls] = useState('');
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    if (settings) setMaxCalls(String(settings.maxCalls));
  }, [settings?.maxCalls]);
  if (!settings) return null;
  const saveMax = (e: Event) => {
    e.preventDefault();
    const n = Number(maxCalls);
    if (!/^\d+$/.test(maxCalls.trim()) || n < 1 || n > MAX_CALLS_LIMIT) {
      setProblem(t('options_calls_max_invalid', { min: 1, max: MAX_CALLS_LIMIT }));
      return;
    }
    setProblem(undefined);
    void save({ maxCalls: n });
  };
  return (
    <section class="panel" aria-labelledby="calls-heading">
      <h2 id="calls-heading">{t('options_calls_heading')}</h2>
      <fieldset class="field">
        <legend>{t('options_calls_dtmf')}</legend>
        {DTMF_METHODS.map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="dtmfMethod"
              value={value}
              checked={settings.dtmfMethod === value}
              onChange={() => void save({ dtmfMethod: value })}
            />{' '}
            {t(label)}
          </label>
        ))}
      </fieldset>
      <CallWindowSetting value={settings.callWindow} onChange={(callWindow) => void save({ callWindow })} />
      <form class="field" onSubmit={saveMax}>
        <label for="max-calls">{t('options_calls_at_once')}</label>
        <span class="row">
          <input
            type="number"
            id="max-calls"
            name="maxCalls"
            aria-describedby="max-calls-hint"
            min={1}
            max={MAX_CALLS_LIMIT}
            value={maxCalls}
            aria-invalid={problem ? true : undefined}
            onInput={(e) => setMaxCalls(e.currentTarget.value)}
          />
          <button type="submit">{t('options_save')}</button>
        </span>
        <small class="hint" id="max-calls-hint">
          {t('options_calls_at_once_hint')}
        </small>
        {problem && (
          <small class="error" role="alert">
            {problem}
          </small>
        )}
      </form>
      {status && (
        <p class={status.kind} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="call-settings-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
