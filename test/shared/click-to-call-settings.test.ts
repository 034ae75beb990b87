import { describe, expect, it } from 'vitest';
import {
  callsAtOnce,
  setCallAtOnce,
  decideForHost,
  defaultSettings,
  localeRegion,
  parseHostList,
  setSiteEnabled,
} from '../../src/shared/click-to-call-settings';
import { parseSettings } from '../../src/shared/stored-click-to-call';

describe('click-to-call settings', () => {
  it('start on, with the default country taken from the browser locale', () => {
    expect(localeRegion(['de-AT'])).toBe('AT');
    expect(localeRegion(['fr'])).toBe('FR');
    expect(localeRegion(['x-bogus!', 'ja-JP'])).toBe('JP');
    expect(defaultSettings(['en-GB'])).toEqual({
      enabled: true,
      defaultCountry: 'GB',
      takeOverLinks: true,
      allowList: [],
      denyList: [],
      callAtOnce: [],
      extensionDigits: null,
    });
  });

  it('never trust stored data', () => {
    expect(parseSettings({ enabled: 'yes', defaultCountry: 'germany', denyList: ['ok.example', 'bad host', 3] }, ['en-US'])).toEqual({
      enabled: true,
      defaultCountry: 'US',
      takeOverLinks: true,
      allowList: [],
      denyList: ['ok.example'],
      callAtOnce: [],
      extensionDigits: null,
    });
  });

  it('keep settings saved before "call at once" and the extension length existed, and check the new ones', () => {
    const saved = { enabled: true, defaultCountry: 'DE', takeOverLinks: false, allowList: [], denyList: ['bank.example'] };
    expect(parseSettings(saved)).toEqual({ ...saved, callAtOnce: [], extensionDigits: null });
    expect(parseSettings({ ...saved, callAtOnce: ['crm.example', 'no host'], extensionDigits: { min: 3, max: 4 } })).toMatchObject({
      callAtOnce: ['crm.example'],
      extensionDigits: { min: 3, max: 4 },
    });
    for (const bad of [{ min: 1, max: 4 }, { min: 5, max: 4 }, { min: 3 }, 'four', { min: 3.5, max: 4 }]) {
      expect(parseSettings({ ...saved, extensionDigits: bad }).extensionDigits).toBeNull();
    }
  });

  it('"call at once" is for exactly that site (not its subdomains), and can be taken back', () => {
    const s = setCallAtOnce(defaultSettings(['en-US']), 'CRM.example', true);
    expect(callsAtOnce(s, 'crm.example')).toBe(true);
    expect(callsAtOnce(s, 'eu.crm.example')).toBe(false);
    expect(callsAtOnce(s, 'other.example')).toBe(false);
    expect(callsAtOnce(setCallAtOnce(s, 'crm.example', false), 'crm.example')).toBe(false);
  });

  it('decide per site: global switch, deny list, allow list; entries cover subdomains', () => {
    const s = { ...defaultSettings(['en-US']), denyList: ['bank.example'] };
    expect(decideForHost(s, 'crm.example')).toEqual({ on: true });
    expect(decideForHost(s, 'www.bank.example')).toEqual({ on: false, reason: 'denied' });
    expect(decideForHost({ ...s, allowList: ['crm.example'] }, 'mail.example')).toEqual({ on: false, reason: 'not-allowed' });
    expect(decideForHost({ ...s, enabled: false }, 'crm.example')).toEqual({ on: false, reason: 'off-everywhere' });
  });

  it('the one-click site switch adds and removes the site', () => {
    const base = defaultSettings(['en-US']);
    const off = setSiteEnabled(base, 'crm.example', false);
    expect(off.denyList).toEqual(['crm.example']);
    expect(decideForHost(off, 'crm.example').on).toBe(false);
    const on = setSiteEnabled(off, 'crm.example', true);
    expect(decideForHost(on, 'crm.example').on).toBe(true);
    const allowOnly = setSiteEnabled({ ...base, allowList: ['a.example'] }, 'b.example', true);
    expect(allowOnly.allowList).toEqual(['a.example', 'b.example']);
  });

  it('parse typed site lists, naming each bad entry', () => {
    expect(parseHostList('crm.example\n*.Mail.example, https://x.example/path')).toEqual({
      hosts: ['crm.example', 'mail.example', 'x.example'],
      problems: [],
    });
    expect(parseHostList('not a host!').problems).toEqual([{ kind: 'not-a-site', entry: 'host!' }]);
    const many = Array.from({ length: 1000 }, (_, i) => `s${i}.example`).join('\n');
    expect(parseHostList(many).problems).toContainEqual({ kind: 'too-many', max: expect.any(Number) as number });
  });
});
