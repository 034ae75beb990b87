// Words as data (src/shared/words.ts): what the phone's document says travels as a catalogue
// key and its fillings, and is said where it is shown. Every key the code can produce is in
// every catalogue, and the mapping from SIP statuses and failures to words says the same
// English as before, and real German, Spanish and French.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clipWords, isWords, say, words, wordsForLog } from '../../src/shared/words';
import { ClickDialError, errorDetail, errorReply } from '../../src/shared/protocol';
import { unwrap } from '../../src/shared/request';
import { describeCallFailure, describeConnectionFailure, describeRegistrationFailure } from '../../src/offscreen/sip-status';
import { describeMessageFailure } from '../../src/offscreen/text-messages';
import { describeMediaLost, describeNoMediaPath, describeUnusableDescription } from '../../src/offscreen/media-words';
import { LOCALES, readCatalogue, useLanguage } from '../support/chrome-i18n';

const english = readCatalogue('en');

/** Every source file of the folders that produce words for others to say. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// Keys are written out whole where words are made (words('key'), a table of keys, a ternary of two).
const KEY_PREFIXES =
  /'((?:sip|media|device|microphone|call|session|connection|transfer|hold|resume|dtmf|error|message|dial|number|consent|link)_[a-z0-9_]+)'/g;

describe('words produced for others to say', () => {
  afterEach(() => useLanguage('en'));

  it('name only keys that every catalogue has', () => {
    const named = new Set<string>();
    for (const file of ['src/offscreen', 'src/background', 'src/shared', 'src/content'].flatMap((dir) => sources(dir))) {
      const source = readFileSync(file, 'utf8');
      if (!/from '(\.\.\/shared|\.)\/(words|i18n)'/.test(source)) continue;
      for (const match of source.matchAll(KEY_PREFIXES)) named.add(match[1]!);
    }
    // Sanity: the scan sees the phone's words.
    expect(named).toContain('sip_register_wrong_password');
    expect(named).toContain('call_it_ringing');
    expect(named).toContain('media_needs_ice');
    for (const locale of LOCALES) {
      const catalogue = readCatalogue(locale);
      for (const key of named) expect(catalogue[key]?.message, `${locale} ${key}`).toBeTruthy();
    }
  });

  it('say SIP statuses in the English of before, and in German, Spanish and French', () => {
    const wrong = describeRegistrationFailure(401, 'Unauthorized');
    const busy = describeCallFailure(486, 'Busy Here');
    expect(wrong).toEqual({ key: 'sip_register_wrong_password', params: { status: '401', reason: 'Unauthorized' } });
    expect(say(wrong)).toBe('Wrong user name or password: the server refused the login (401 Unauthorized).');
    expect(say(busy)).toBe('Busy (486 Busy Here).');
    expect(say(describeCallFailure(487, 'Request Terminated'))).toBe('Call cancelled.');
    expect(say(describeMessageFailure(408, 'Request Timeout'))).toBe('The message was not delivered: no answer from the server (408).');
    useLanguage('de');
    expect(say(wrong)).toBe('Falscher Benutzername oder falsches Passwort: Der Server hat die Anmeldung abgelehnt (401 Unauthorized).');
    expect(say(busy)).toBe('Besetzt (486 Busy Here).');
    useLanguage('es');
    expect(say(busy)).toBe('Ocupado (486 Busy Here).');
    useLanguage('fr');
    expect(say(busy)).toBe('Occupé (486 Busy Here).');
  });

  it('say every status the phone names differently in every language, and never the English of another', () => {
    const made = [
      ...[401, 403, 404, 408, 423, 500].map((status) => describeRegistrationFailure(status, 'R')),
      ...[404, 480, 486, 603, 408, 487, 488, 500].map((status) => describeCallFailure(status, 'R')),
      ...[404, 480, 408, 415, 500].map((status) => describeMessageFailure(status, 'R')),
      describeConnectionFailure('wss://pbx.test/ws', new Error('closed')),
      describeConnectionFailure('wss://pbx.test/ws', undefined),
    ];
    const inEnglish = made.map(say);
    expect(new Set(inEnglish).size).toBe(made.length);
    for (const locale of ['de', 'es', 'fr']) {
      useLanguage(locale);
      const said = made.map(say);
      for (const [i, text] of said.entries()) {
        expect(text, `${locale} ${made[i]!.key}`).not.toBe('');
        // Busy and the like keep their status in brackets; the words around it are the language's own.
        expect(text, `${locale} ${made[i]!.key}`).not.toBe(inEnglish[i]);
      }
    }
  });

  it('fill words into words: a browser requirement inside a media failure, said in the language', () => {
    const { reason, notice, warning } = describeUnusableDescription(new Error('Called with SDP without ice-ufrag and ice-pwd'), '1002');
    expect(say(reason)).toBe("The call's audio could not be set up: the other side does not support ICE, which browsers require.");
    expect(say(notice)).toMatch(
      /^The call with 1002 could not be connected: the other side does not support ICE.*rtcp-mux\) for this line\.$/,
    );
    // The SIP Warning header is English for the far end's logs.
    expect(warning).toBe(say(reason));
    useLanguage('de');
    expect(say(reason)).toBe(
      'Der Ton des Anrufs konnte nicht eingerichtet werden: die Gegenseite unterstützt kein ICE, das Browser verlangen.',
    );
    expect(warning).toMatch(/^The call's audio/);
    expect(say(describeNoMediaPath('1002', 10).reason)).toBe('Innerhalb von 10 s kam keine Audioverbindung mit der Gegenseite zustande.');
    expect(say(describeMediaLost('1002', 30).notice)).toMatch(/^Der Anruf mit 1002 wurde beendet/);
  });

  it('cross the protocol as data and are said by the side that shows them', () => {
    const refused = new ClickDialError(words('error_call_already_ended'), 'no-such-call');
    expect(refused.words).toEqual({ key: 'error_call_already_ended' });
    const reply = errorReply(refused);
    expect(reply).toEqual({ ok: false, error: { message: 'That call has already ended.', code: 'no-such-call', words: refused.words } });
    useLanguage('fr');
    expect(() => unwrap(reply, 'phone.hangup')).toThrow('Cet appel est déjà terminé.');
    // A reply without words (or with a broken shape) keeps its message.
    expect(() => unwrap({ ok: false, error: { message: 'Plain.', code: 'failed', words: { key: 1 } } }, 'x')).toThrow('Plain.');
    // A caught error with words is filled in as words, so it is said in the reader's language too.
    expect(say(words('error_call_not_placed', { detail: errorDetail(refused) }))).toBe(
      'Impossible de passer l’appel : Cet appel est déjà terminé.',
    );
  });

  it('are named by key and fillings where there is no chrome.i18n (the phone document’s logs)', () => {
    const global = globalThis as { chrome?: unknown };
    const chrome = global.chrome;
    global.chrome = { runtime: {} };
    try {
      expect(wordsForLog(words('sip_call_busy', { status: '486', reason: 'Busy Here' }))).toBe(
        'sip_call_busy {"status":"486","reason":"Busy Here"}',
      );
      expect(new ClickDialError(words('error_phone_not_connected'), 'not-connected').message).toBe('error_phone_not_connected');
    } finally {
      global.chrome = chrome;
    }
  });

  it('check their shape, and are cut for storage', () => {
    expect(isWords({ key: 'sip_call_cancelled' })).toBe(true);
    expect(isWords(words('call_ended_why', { who: '1002', why: words('session_refreshes_unanswered', { seconds: '90' }) }))).toBe(true);
    for (const bad of [null, 'text', [], { key: 2 }, { key: 'k', params: [] }, { key: 'k', extra: 1 }, { key: 'k', params: { a: {} } }]) {
      expect(isWords(bad), JSON.stringify(bad)).toBe(false);
    }
    const long = clipWords(
      words('call_ended_why', { who: 'x'.repeat(50), why: words('call_takeover_failed', { detail: 'y'.repeat(50) }) }),
      10,
    );
    expect(say(long)).toBe(`The call with ${'x'.repeat(10)} was ended: Could not take over the transferred call: ${'y'.repeat(10)}.`);
  });

  it('every catalogue key a word names keeps its English from before', () => {
    // A few that e2e tests look for by their English text.
    expect(english.sip_call_busy?.message).toBe('Busy ($STATUS$ $REASON$).');
    expect(english.link_title_call?.message).toBe('Call with ClickDial');
    expect(english.media_needs_ice?.message).toBe('the other side does not support ICE, which browsers require');
  });
});
