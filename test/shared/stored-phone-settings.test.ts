import { describe, expect, it } from 'vitest';
import { defaultPhoneSettings } from '../../src/shared/phone-settings';
import { PHONE_SETTINGS, readPhoneSettings, storedPhoneSettings } from '../../src/shared/stored-phone-settings';
import { readStored } from '../../src/shared/stored-schema';

// Exactly what release 0.1 wrote to storage.local under 'phoneSettings' (the worker's
// 'settings.set': the checked PhoneSettings object, no version).
const RELEASE_0_1 = {
  dtmfMethod: 'info',
  maxCalls: 4,
  inputDeviceId: '3f1c9a0e7b',
  inputDeviceLabel: 'USB Headset Microphone',
  outputDeviceId: '8d2e41aa05',
  outputDeviceLabel: 'USB Headset Speakers',
};

const read = (stored: unknown) => readStored(PHONE_SETTINGS, { phoneSettings: stored });

describe('stored phone settings', () => {
  it("migrate release 0.1's settings without loss", () => {
    expect(read(RELEASE_0_1)).toEqual({ value: { version: 1, ...RELEASE_0_1 }, migrated: true });
    expect(readPhoneSettings(RELEASE_0_1)).toEqual(RELEASE_0_1);
  });

  it('read the current version as it is; a save writes it with the version', () => {
    const current = storedPhoneSettings(readPhoneSettings(RELEASE_0_1));
    expect(current).toEqual({ version: 1, ...RELEASE_0_1 });
    expect(read(current)).toEqual({ value: current, migrated: false });
  });

  it('nothing stored: the defaults', () => {
    expect(readStored(PHONE_SETTINGS, {})).toEqual({ value: { version: 1, ...defaultPhoneSettings() }, migrated: false });
  });

  it('a broken field falls back on its own, the others are kept', () => {
    expect(readPhoneSettings({ ...RELEASE_0_1, version: 1, maxCalls: 99, dtmfMethod: 'inband' })).toEqual({
      ...RELEASE_0_1,
      maxCalls: 2,
      dtmfMethod: 'rfc4733',
    });
    expect(readPhoneSettings({ ...RELEASE_0_1, outputDeviceId: 7 }).outputDeviceId).toBe('');
  });

  it('fall back to the defaults for data that is not settings or from a newer release', () => {
    expect(readPhoneSettings('info')).toEqual(defaultPhoneSettings());
    expect(read({ ...RELEASE_0_1, version: 3 })).toEqual({ value: { version: 1, ...defaultPhoneSettings() }, migrated: false });
  });
});
