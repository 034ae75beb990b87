import { describe, expect, it } from 'vitest';
import { decideConsent } from '../../src/background/call-consent';
import { defaultSettings } from '../../src/shared/click-to-call-settings';
import { numberFacts } from '../../src/shared/number-facts';

const settings = { ...defaultSettings(['en-US']), callAtOnce: ['crm.example'] };
const link = (dial: string, change = {}) => ({
  source: 'link' as const,
  facts: numberFacts(dial, 'US'),
  site: 'crm.example',
  text: dial,
  intentChecked: true,
  ...change,
});

describe('decideConsent', () => {
  it('calls at once only when every condition holds', () => {
    expect(decideConsent(link('+14155550102'), settings, false)).toEqual({ kind: 'call' });
  });

  it('names every reason to ask', () => {
    const ask = (request: Parameters<typeof decideConsent>[0], inCall = false) => {
      const c = decideConsent(request, settings, inCall);
      return c.kind === 'confirm' ? c.reasons : c.kind;
    };
    expect(ask(link('+14155550102', { site: 'news.example' }))).toEqual(['asked']);
    expect(ask(link('+14155550102', { intentChecked: false }))).toEqual(['not-seen']);
    expect(ask(link('+14155550102', { crossOrigin: true }))).toEqual(['cross-origin-frame']);
    expect(ask(link('+14155550102', { text: 'Call us' }))).toEqual(['text-differs']);
    expect(ask(link('+19005550199'))).toEqual(['high-cost']);
    expect(ask(link('911'))).toEqual(['emergency']);
    expect(ask(link('+14155550102'), true)).toEqual(['in-call']);
    expect(ask({ source: 'selection', facts: numberFacts('+14155550102', 'US'), site: 'crm.example' })).toEqual(['selection']);
    expect(ask({ source: 'menu', facts: numberFacts('112', 'US'), site: 'crm.example' })).toEqual(['selection', 'emergency']);
  });

  it('refuses short numbers from pages without the extension length, and asks with it', () => {
    expect(decideConsent(link('1003'), settings, false)).toMatchObject({ kind: 'refuse' });
    expect(decideConsent(link('10033'), { ...settings, extensionDigits: { min: 3, max: 4 } }, false)).toMatchObject({
      kind: 'refuse',
      message: expect.stringContaining('3 to 4 digits'),
    });
    expect(decideConsent(link('1003'), { ...settings, extensionDigits: { min: 4, max: 4 } }, false)).toEqual({
      kind: 'confirm',
      reasons: ['short-number'],
    });
  });
});
