import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { durationWords, localizeDocument, plural, t } from '../../src/shared/i18n';
import { LOCALES, chromeI18n, readCatalogue, useLanguage } from '../support/chrome-i18n';

const english = readCatalogue('en');
const placeholdersOf = (message: string) => [...message.matchAll(/\$(\w+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('the message catalogue', () => {
  it.each(LOCALES)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(readCatalogue(locale)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(LOCALES)('%s fills the same placeholders as English, numbered in the order of their names', (locale) => {
    for (const [key, entry] of Object.entries(readCatalogue(locale))) {
      const names = Object.keys(english[key]?.placeholders ?? {}).sort();
      expect(Object.keys(entry.placeholders ?? {}).sort(), key).toEqual(names);
      // t() passes substitutions in the alphabetical order of their names.
      expect(
        names.map((name) => entry.placeholders?.[name]?.content),
        key,
      ).toEqual(names.map((_, i) => `$${i + 1}`));
      expect([...new Set(placeholdersOf(entry.message))], `${locale} ${key} uses each placeholder`).toEqual(names);
      expect(entry.message.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it.each(LOCALES)('%s names its own language and direction (what <html lang dir> and Intl use)', (locale) => {
    const catalogue = readCatalogue(locale);
    expect(catalogue.language_tag?.message).toBe(locale.replace(/_/g, '-'));
    expect(['ltr', 'rtl']).toContain(catalogue.language_dir?.message);
  });

  it('has both plural forms of every plural message', () => {
    for (const key of Object.keys(english)) {
      if (key.endsWith('_one')) expect(english, key).toHaveProperty(key.replace(/_one$/, '_other'));
      if (key.endsWith('_other')) expect(english, key).toHaveProperty(key.replace(/_other$/, '_one'));
    }
  });

  it('has every message the manifest names, within the store limits', () => {
    const manifest = readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8');
    const named = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(5);
    for (const key of named) expect(english, key).toHaveProperty(key);
    for (const locale of LOCALES) {
      const catalogue = readCatalogue(locale);
      expect(catalogue.extension_name!.message.length).toBeLessThanOrEqual(45);
      expect(catalogue.extension_description!.message.length, locale).toBeLessThanOrEqual(132);
    }
  });
});

describe('t, plural and the Intl helpers', () => {
  afterEach(() => useLanguage('en'));

  it('fills named substitutions in the language asked for', () => {
    expect(t('action_title_not_configured')).toBe('ClickDial: not configured');
    useLanguage('de');
    expect(t('action_title_not_configured')).toBe('ClickDial: nicht eingerichtet');
  });

  it('picks the plural form through Intl.PluralRules and formats the count', () => {
    expect(plural('seconds', 1)).toBe('1 second');
    expect(plural('seconds', 1200)).toBe('1,200 seconds');
    useLanguage('fr');
    // French says "one" for 0 and 1.
    expect(plural('seconds', 0)).toBe('0 seconde');
    useLanguage('de');
    expect(plural('seconds', 1200)).toBe('1.200 Sekunden');
  });

  it('gives a page the UI language, its direction and a title', () => {
    const page = () => ({ documentElement: { lang: 'en', dir: '' }, title: '' }) as unknown as Document;
    const german = page();
    useLanguage('de');
    localizeDocument(german, t('page_title_options'));
    expect([german.documentElement.lang, german.documentElement.dir, german.title]).toEqual(['de', 'ltr', 'ClickDial-Optionen']);
    // A right-to-left catalogue says so in its language_dir.
    const arabic = page();
    const getMessage = chromeI18n.getMessage;
    const spy = vi
      .spyOn(chromeI18n, 'getMessage')
      .mockImplementation((key, subs) => (key === 'language_tag' ? 'ar' : key === 'language_dir' ? 'rtl' : getMessage(key, subs)));
    localizeDocument(arabic);
    spy.mockRestore();
    expect([arabic.documentElement.lang, arabic.documentElement.dir]).toEqual(['ar', 'rtl']);
  });

  it('takes the language from the catalogue Chromium picked, not from what getUILanguage() and @@ui_locale say', () => {
    // Chromium on Linux under LANGUAGE=de: German messages, yet en-US from both (test/e2e/languages.test.ts).
    useLanguage('de');
    const getMessage = chromeI18n.getMessage;
    const spies = [
      vi.spyOn(chromeI18n, 'getUILanguage').mockReturnValue('en-US'),
      vi.spyOn(chromeI18n, 'getMessage').mockImplementation((key, subs) => (key === '@@ui_locale' ? 'en_US' : getMessage(key, subs))),
    ];
    const german = { documentElement: { lang: 'en', dir: '' }, title: '' } as unknown as Document;
    localizeDocument(german);
    expect(german.documentElement.lang).toBe('de');
    expect(plural('seconds', 1200)).toBe('1.200 Sekunden');
    for (const spy of spies) spy.mockRestore();
  });

  it('says durations in words in the UI language', () => {
    expect(durationWords(65_000)).toBe('1 minute, 5 seconds');
    expect(durationWords(0)).toBe('0 seconds');
    useLanguage('de');
    expect(durationWords(3_600_000 + 2_000)).toBe('1 Stunde, 2 Sekunden');
  });
});
