import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';

interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

/** The keys Chrome really assigned (a suggested key taken by Chrome stays empty). */
export function ShortcutsPanel() {
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  useEffect(() => {
    void browser.commands
      .getAll()
      .then((all) =>
        setShortcuts(
          all
            .filter((c) => c.name && c.name !== '_execute_action')
            .map((c) => ({ name: c.name ?? '', description: c.description ?? '', shortcut: c.shortcut ?? '' })),
        ),
      );
  }, []);
  return (
    <section class="panel" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('options_shortcuts_heading')}</h2>
      <p class="hint">{t('options_shortcuts_hint')}</p>
      <table class="shortcuts">
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.name} data-command={s.name}>
              <td>{s.description}</td>
              <td>{s.shortcut ? <kbd>{s.shortcut}</kbd> : <em>{t('options_shortcuts_not_set')}</em>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}>
        {t('options_shortcuts_change')}
      </button>
    </section>
  );
}
