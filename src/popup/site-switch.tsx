// The popup's one-click "Click-to-call on this site" switch. SiteSwitchView
// only renders; SiteSwitch finds the active tab's site (active-site.ts) and
// saves the change, which the page's content script applies at once. It also
// says when the page has more numbers than ClickDial links (link-limits.ts).
import { useEffect, useState } from 'preact/hooks';
import { decideForHost, setSiteEnabled, type ClickToCallSettings } from '../shared/click-to-call-settings';
import { around, t } from '../shared/i18n';

export interface PageStatus {
  links: number;
  capped: boolean;
}

export function SiteSwitchView({
  host,
  settings,
  onToggle,
  page,
}: {
  host: string;
  settings: ClickToCallSettings;
  onToggle: (on: boolean) => void;
  page?: PageStatus | undefined;
}) {
  const decision = decideForHost(settings, host);
  const offEverywhere = !decision.on && decision.reason === 'off-everywhere';
  const [before, after] = around('site_switch', 'host');
  return (
    <>
      <label class="site-switch" title={offEverywhere ? t('site_off_everywhere_title') : undefined}>
        <input type="checkbox" checked={decision.on} disabled={offEverywhere} onChange={(e) => onToggle(e.currentTarget.checked)} />{' '}
        {before}
        <strong>{host}</strong>
        {after}
        {offEverywhere && <span class="muted"> {t('site_off_everywhere')}</span>}
      </label>
      {decision.on && page?.capped && <p class="site-switch page-capped">{t('site_capped', { count: page.links })}</p>}
    </>
  );
}

export function SiteSwitch() {
  const [state, setState] = useState<{ host: string; settings: ClickToCallSettings }>();
  const [page, setPage] = useState<PageStatus>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void import('./active-site')
      .then(async (site) => {
        const [host, settings] = await Promise.all([site.activeHost(), site.loadSettings()]);
        if (host) setState({ host, settings });
        if (host) setPage(await site.activePageStatus());
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  if (!state)
    return error ? (
      <p class="banner error" role="alert">
        {error}
      </p>
    ) : null; // not a web page: nothing to switch
  const toggle = (on: boolean) => {
    const settings = setSiteEnabled(state.settings, state.host, on);
    setState({ ...state, settings });
    import('./active-site')
      .then((site) => site.saveSettings(settings))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <>
      <SiteSwitchView host={state.host} settings={state.settings} onToggle={toggle} page={page} />
      {error && (
        <p class="banner error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
