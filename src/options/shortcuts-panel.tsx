import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

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
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <p class="hint">They work in any tab, without opening ClickDial.</p>
      <table class="shortcuts">
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.name} data-command={s.name}>
              <td>{s.description}</td>
              <td>{s.shortcut ? <kbd>{s.shortcut}</kbd> : <em>not set</em>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}>
        Change shortcuts…
      </button>
    </section>
  );
}
