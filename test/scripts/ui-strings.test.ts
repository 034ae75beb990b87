import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { untranslatedIn, untranslatedStrings } from '../../scripts/ui-strings';

/** Every page is translated: no .tsx under src may show a word that is not from the catalogue. */
const TRANSLATED = ['src'] as const;

const texts = (source: string) => untranslatedStrings('page.tsx', source).map((found) => found.text);

describe('words in the pages come from the catalogue', () => {
  it('finds JSX text, read attributes and strings in JSX expressions', () => {
    expect(texts(`export const A = () => <button type="button" class="link">Hang up</button>;`)).toEqual(['Hang up']);
    expect(texts(`export const A = () => <input aria-label="Number" placeholder="sip:user" />;`)).toEqual(['Number', 'sip:user']);
    expect(texts(`export const A = (p: { n: string }) => <b title={\`Call \${p.n}\`} />;`)).toEqual(['Call …']);
    expect(texts(`export const A = (p: { on: boolean }) => <b>{t(p.on ? 'on_key' : 'off_key')}{go(p.on ? 'x' : 'Words')}</b>;`)).toEqual(
      [],
    );
    expect(texts(`export const A = (p: { on: boolean }) => <b>{p.on ? 'Unmute' : 'Mute'}</b>;`)).toEqual(['Unmute', 'Mute']);
    expect(texts(`export const A = (p: { d: boolean }) => <b>{p.d && <i>{' (default)'}</i>}</b>;`)).toEqual(['(default)']);
  });

  it('lets through words from t(), symbols, digits, comparisons and attributes nobody reads', () => {
    const source = `
      import { t } from './i18n';
      export const A = (p: { s: string }) => (
        <div class="status-line" data-testid="registration-state">
          <button type="button" aria-label={t('hang_up')} onClick={() => p.s === 'ringing' && go('now')}>✕</button>
          {p.s === 'ringing' ? t('ringing') : '⌫'} 0:05 #
        </div>
      );`;
    expect(texts(source)).toEqual([]);
  });

  it("finds words in a component's props and in what a page puts in its state to show", () => {
    expect(texts(`export const A = () => <Access allowed="Microphone allowed." kind="ok" message="options_save" />;`)).toEqual([
      'Microphone allowed.',
    ]);
    expect(texts(`export const A = (p: { on: boolean }) => <Access allowed={p.on ? 'Words here' : t('key')} />;`)).toEqual(['Words here']);
    const source = `
      export function A() {
        const [status, setStatus] = useState<{ kind: string; text: string }>();
        const save = (e: Error) => {
          setError('Enter the number to call.');
          setProblem(\`Enter a whole number from 1 to \${max}.\`);
          setStatus({ kind: 'ok', text: 'Saved.' });
          setStatus({ kind: 'error', text: e.message });
          setState(ready ? 'no-device' : 'asking');
          setAnswer(t('options_host_access_refused'));
          setMessage(e.ok ? 'Done' : 'Failed');
        };
        return <p>{status?.text}</p>;
      }`;
    expect(texts(source)).toEqual(['Enter the number to call.', 'Enter a whole number from 1 to ….', 'Saved.', 'Done', 'Failed']);
    // Plain .ts modules have no pages' state: their strings are the worker's and the phone's business.
    expect(untranslatedStrings('worker.ts', `setStatus({ text: 'Saved.' });`)).toEqual([]);
  });

  it('fails on a hard-coded string planted in a page', () => {
    const page = 'src/options/shortcuts-panel.tsx';
    const source = readFileSync(page, 'utf8');
    expect(untranslatedStrings(page, source)).toEqual([]);
    const planted = source.replace("{t('options_shortcuts_heading')}", 'Keyboard shortcuts');
    expect(planted).not.toBe(source);
    expect(untranslatedStrings(page, planted).map((found) => found.text)).toEqual(['Keyboard shortcuts']);
  });

  it('reports where a string is', () => {
    expect(untranslatedStrings('x.tsx', `\nexport const A = () => <p>\n  Words\n</p>;`)).toEqual([
      { file: 'x.tsx', line: 3, text: 'Words' },
    ]);
  });

  it.each(TRANSLATED)('%s shows only words from the catalogue', (dir) => {
    expect(untranslatedIn([dir])).toEqual([]);
  });
});
