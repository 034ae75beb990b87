import { CALL_WINDOW_MODES, type CallWindowMode } from '../shared/phone-settings';
import { t, type MessageKey } from '../shared/i18n';

const LABELS: Record<CallWindowMode, MessageKey> = {
  window: 'callwin_setting_window',
  sidePanel: 'callwin_setting_side_panel',
  never: 'callwin_setting_never',
};

/** Where calls open by themselves (background/call-window.ts): a small window (default), the side panel, or never. */
export function CallWindowSetting({ value, onChange }: { value: CallWindowMode; onChange: (mode: CallWindowMode) => void }) {
  return (
    <fieldset class="field" aria-describedby="call-window-hint">
      <legend>{t('callwin_setting_legend')}</legend>
      {CALL_WINDOW_MODES.map((mode) => (
        <label key={mode}>
          <input type="radio" name="callWindow" value={mode} checked={value === mode} onChange={() => onChange(mode)} /> {t(LABELS[mode])}
        </label>
      ))}
      <small class="hint" id="call-window-hint">
        {t('callwin_setting_hint')}
      </small>
    </fieldset>
  );
}
