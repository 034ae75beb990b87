import { describe, expect, it } from 'vitest';
import { untranslatedIn, untranslatedStrings } from '../../scripts/ui-strings';

/** The pages whose words all come from the catalogue; every page is here once it is translated. */
const TRANSLATED = ['src/popup', 'src/confirm'] as const;

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

  it('reports where a string is', () => {
    expect(untranslatedStrings('x.tsx', `\nexport const A = () => <p>\n  Words\n</p>;`)).toEqual([
      { file: 'x.tsx', line: 3, text: 'Words' },
    ]);
  });

  it.each(TRANSLATED)('%s shows only words from the catalogue', (dir) => {
    expect(untranslatedIn([dir])).toEqual([]);
  });
});
