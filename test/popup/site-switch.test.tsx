import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/shared/click-to-call-settings';
import { SiteSwitchView } from '../../src/popup/site-switch';

const html = (settings = defaultSettings(['en-US'])) =>
  renderToString(<SiteSwitchView host="crm.example" settings={settings} onToggle={() => undefined} />);

describe('SiteSwitchView', () => {
  it('shows the site with the switch on', () => {
    const out = html();
    expect(out).toContain('Click-to-call on <strong>crm.example</strong>');
    expect(out).toMatch(/checked/);
  });

  it('shows it off for a denied site', () => {
    expect(html({ ...defaultSettings(['en-US']), denyList: ['crm.example'] })).not.toMatch(/checked/);
  });

  it('is disabled and says why when click-to-call is off everywhere', () => {
    const out = html({ ...defaultSettings(['en-US']), enabled: false });
    expect(out).toContain('disabled');
    expect(out).toContain('off everywhere');
  });
});

describe('SiteSwitchView on a page past a link cap', () => {
  const view = (page?: { links: number; capped: boolean }, settings = defaultSettings(['en-US'])) =>
    renderToString(<SiteSwitchView host="crm.example" settings={settings} onToggle={() => undefined} page={page} />);

  it('says the page has more numbers than ClickDial links', () => {
    expect(view({ links: 2000, capped: true })).toContain('This page has more numbers than ClickDial links (2,000 linked).');
  });

  it('says nothing below the cap, without a status, or with click-to-call off on the site', () => {
    expect(view({ links: 12, capped: false })).not.toContain('more numbers');
    expect(view()).not.toContain('more numbers');
    expect(view({ links: 0, capped: true }, { ...defaultSettings(['en-US']), denyList: ['crm.example'] })).not.toContain('more numbers');
  });
});
