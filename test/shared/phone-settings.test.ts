import { describe, expect, it } from 'vitest';
import { defaultPhoneSettings, parsePhoneSettings, validatePhoneSettings } from '../../src/shared/phone-settings';

describe('phone settings', () => {
  it('defaults to RFC 4733, two calls, default devices', () => {
    expect(defaultPhoneSettings()).toMatchObject({ dtmfMethod: 'rfc4733', maxCalls: 2, inputDeviceId: '', outputDeviceId: '' });
    expect(parsePhoneSettings(undefined)).toEqual(defaultPhoneSettings());
  });

  it('says what is wrong in words', () => {
    expect(validatePhoneSettings({ ...defaultPhoneSettings(), maxCalls: 0 }).maxCalls).toMatch(/from 1 to 8/);
    expect(validatePhoneSettings({ ...defaultPhoneSettings(), maxCalls: 2.5 }).maxCalls).toBeDefined();
    expect(validatePhoneSettings({ ...defaultPhoneSettings(), dtmfMethod: 'inband' }).dtmfMethod).toMatch(/RFC 4733 or SIP INFO/);
    expect(validatePhoneSettings(null)).not.toEqual({});
    expect(validatePhoneSettings(defaultPhoneSettings())).toEqual({});
  });

  it('keeps good fields and replaces broken ones with defaults', () => {
    expect(parsePhoneSettings({ dtmfMethod: 'info', maxCalls: 99, outputDeviceId: 'abc', extra: 1 })).toEqual({
      ...defaultPhoneSettings(),
      dtmfMethod: 'info',
      outputDeviceId: 'abc',
    });
  });
});
