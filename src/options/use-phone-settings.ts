import { useEffect, useState } from 'preact/hooks';
import { request } from '../shared/messenger';
import { defaultPhoneSettings, type PhoneSettings } from '../shared/phone-settings';
import { t } from '../shared/i18n';

export type SaveStatus = { kind: 'ok' | 'error'; text: string } | undefined;

/**
 * The phone settings as saved by the service worker. Each panel saves only its
 * fields, on top of the latest saved copy, so panels never undo each other.
 */
export function usePhoneSettings(): {
  settings: PhoneSettings | undefined;
  save: (patch: Partial<PhoneSettings>) => Promise<void>;
  status: SaveStatus;
} {
  const [settings, setSettings] = useState<PhoneSettings>();
  const [status, setStatus] = useState<SaveStatus>();
  useEffect(() => {
    request('settings.get', {}).then(setSettings, (e: unknown) =>
      setStatus({ kind: 'error', text: t('options_settings_load_failed', { error: String(e) }) }),
    );
  }, []);
  const save = async (patch: Partial<PhoneSettings>) => {
    setStatus(undefined);
    // Shown at once: re-rendering with the last saved copy while the save is
    // on its way would undo the choice the user just made.
    const before = settings;
    if (before) setSettings({ ...before, ...patch });
    try {
      const latest = await request('settings.get', {}).catch(() => before ?? defaultPhoneSettings());
      const saved = await request('settings.save', { settings: { ...latest, ...patch } });
      setSettings(saved);
      setStatus({ kind: 'ok', text: t('options_saved') });
    } catch (error) {
      if (before) setSettings(before);
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
  return { settings, save, status };
}
