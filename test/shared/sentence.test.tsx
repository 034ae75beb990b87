import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { Sentence } from '../../src/shared/sentence';
import { useLanguage } from '../support/chrome-i18n';

const status = () =>
  renderToString(
    <Sentence message="options_account_status" parts={{ state: <strong>{'Angemeldet'}</strong>, account: <span>{'1001@pbx'}</span> }} />,
  );

describe('a catalogue sentence with elements inside', () => {
  afterEach(() => useLanguage('en'));

  it('puts each element where the language puts its placeholder', () => {
    expect(status()).toBe('Status: <strong>Angemeldet</strong> as <span>1001@pbx</span>');
    useLanguage('fr');
    expect(status()).toBe('État : <strong>Angemeldet</strong> en tant que <span>1001@pbx</span>');
  });

  it('keeps the words around a lone element, and the elements of a sentence with several in order', () => {
    useLanguage('de');
    expect(renderToString(<Sentence message="options_microphone_state" parts={{ state: <b>{'Erlaubt'}</b> }} />)).toBe(
      'Mikrofon: <b>Erlaubt</b>',
    );
    const echo = renderToString(
      <Sentence
        message="setup_test_call_intro"
        parts={{ asterisk: <code>{'*43'}</code>, freeswitch: <code>{'9196'}</code>, threecx: <code>{'*777'}</code> }}
      />,
    );
    expect(echo).toContain('(Asterisk oft <code>*43</code>, FreeSWITCH <code>9196</code>, 3CX <code>*777</code>)');
  });
});
