import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/shared/click-to-call-settings';
import { clickToCallKey, readClickToCallSettings, storedClickToCall } from '../../src/shared/stored-click-to-call';
import { readStored } from '../../src/shared/stored-schema';

// Exactly what release 0.1 wrote to storage.local under 'clickToCall' (the options
// page's save: the settings object, no version, before "call at once" and the extension length).
const RELEASE_0_1 = {
  enabled: true,
  defaultCountry: 'DE',
  takeOverLinks: false,
  allowList: ['crm.example', 'mail.example'],
  denyList: ['bank.example'],
};
// What builds since then wrote, still without a version.
const UNVERSIONED_NOW = { ...RELEASE_0_1, callAtOnce: ['crm.example'], extensionDigits: { min: 3, max: 4 } };

const key = clickToCallKey(['en-US']);
const read = (stored: unknown) => readStored(key, { clickToCall: stored });

describe('stored click-to-call settings', () => {
  it("migrate release 0.1's settings without loss, the new fields getting their defaults", () => {
    expect(read(RELEASE_0_1)).toEqual({
      value: { version: 1, ...RELEASE_0_1, callAtOnce: [], extensionDigits: null },
      migrated: true,
    });
    expect(readClickToCallSettings(RELEASE_0_1, ['en-US'])).toEqual({ ...RELEASE_0_1, callAtOnce: [], extensionDigits: null });
  });

  it('keep the newer fields of unversioned settings saved since', () => {
    expect(read(UNVERSIONED_NOW).value).toEqual({ version: 1, ...UNVERSIONED_NOW });
  });

  it('read the current version as it is; a save writes it with the version', () => {
    const current = storedClickToCall(UNVERSIONED_NOW, ['en-US']);
    expect(current).toEqual({ version: 1, ...UNVERSIONED_NOW });
    expect(read(current)).toEqual({ value: current, migrated: false });
  });

  it("nothing stored: the defaults, with the browser locale's country", () => {
    expect(readStored(clickToCallKey(['de-AT']), {})).toEqual({ value: { version: 1, ...defaultSettings(['de-AT']) }, migrated: false });
    expect(readClickToCallSettings(undefined, ['fr'])).toEqual(defaultSettings(['fr']));
  });

  it('a broken field falls back on its own; bad hosts are dropped one by one', () => {
    const broken = { version: 1, ...UNVERSIONED_NOW, enabled: 'yes', defaultCountry: 'germany', denyList: ['ok.example', 'bad host', 3] };
    expect(read(broken).value).toEqual({ ...UNVERSIONED_NOW, version: 1, enabled: true, defaultCountry: 'US', denyList: ['ok.example'] });
    expect(read({ ...RELEASE_0_1, allowList: 'crm.example' }).value.allowList).toEqual([]);
  });

  it('fall back to the defaults for data that is not settings or from a newer release', () => {
    const defaults = { value: { version: 1, ...defaultSettings(['en-US']) }, migrated: false };
    expect(read('on').value).toEqual(defaults.value);
    expect(read(null).value).toEqual(defaults.value);
    expect(read({ ...UNVERSIONED_NOW, version: 2 })).toEqual(defaults);
  });
});
