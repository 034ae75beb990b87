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

// What version 1 wrote: release 0.1's fields with a version, before the call window setting.
const VERSION_1 = { version: 1, ...RELEASE_0_1 };

describe('stored phone settings', () => {
  it("migrate release 0.1's settings without loss (the call window at its default)", () => {
    expect(read(RELEASE_0_1)).toEqual({ value: { version: 2, ...RELEASE_0_1, callWindow: 'window' }, migrated: true });
    expect(readPhoneSettings(RELEASE_0_1)).toEqual({ ...RELEASE_0_1, callWindow: 'window' });
  });

  it("migrate version 1's settings without loss: the call window opens by default", () => {
    expect(read(VERSION_1)).toEqual({ value: { ...VERSION_1, version: 2, callWindow: 'window' }, migrated: true });
  });

  it('read the current version as it is; a save writes it with the version', () => {
    const current = storedPhoneSettings({ ...readPhoneSettings(RELEASE_0_1), callWindow: 'never' });
    expect(current).toEqual({ version: 2, ...RELEASE_0_1, callWindow: 'never' });
    expect(read(current)).toEqual({ value: current, migrated: false });
    expect(readPhoneSettings({ ...current, callWindow: 'sidePanel' }).callWindow).toBe('sidePanel');
  });

  it('nothing stored: the defaults, with the small call window', () => {
    expect(readStored(PHONE_SETTINGS, {})).toEqual({ value: { version: 2, ...defaultPhoneSettings() }, migrated: false });
    expect(defaultPhoneSettings().callWindow).toBe('window');
  });

  it('a broken field falls back on its own, the others are kept', () => {
    expect(readPhoneSettings({ ...RELEASE_0_1, version: 2, maxCalls: 99, dtmfMethod: 'inband', callWindow: 'tab' })).toEqual({
      ...RELEASE_0_1,
      maxCalls: 2,
      dtmfMethod: 'rfc4733',
      callWindow: 'window',
    });
    expect(readPhoneSettings({ ...RELEASE_0_1, outputDeviceId: 7 }).outputDeviceId).toBe('');
  });

  it('fall back to the defaults for data that is not settings or from a newer release', () => {
    expect(readPhoneSettings('info')).toEqual(defaultPhoneSettings());
    expect(read({ ...RELEASE_0_1, version: 3 })).toEqual({ value: { version: 2, ...defaultPhoneSettings() }, migrated: false });
  });
});
