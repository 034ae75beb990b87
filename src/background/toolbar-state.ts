import { accountLabel, phoneStatus } from '../shared/account-selectors';
import { ringingCalls } from '../shared/call-selectors';
import { remoteName } from '../shared/describe-state';
import type { PhoneSnapshot } from '../shared/snapshot';
import { plural, t, uiLanguage } from '../shared/i18n';
import { say } from '../shared/words';

// The toolbar icon says the phone's state at a glance; its title says it in words.

export type ToolbarTone = 'unconfigured' | 'offline' | 'connecting' | 'registered' | 'error' | 'ringing' | 'in-call';

export interface ToolbarAppearance {
  tone: ToolbarTone;
  title: string;
  badgeText: string;
  badgeColor: string;
}

export const TONE_COLORS: Record<ToolbarTone, string> = {
  unconfigured: '#5f6368',
  offline: '#5f6368',
  connecting: '#e8a317',
  registered: '#16803d',
  error: '#c62828',
  ringing: '#1a73e8',
  'in-call': '#0f766e',
};

/** The toolbar icon each state shows (public/icons/state/NAME-16.png and -32.png, drawn by scripts/render-icons.ts). */
export const TONE_ICONS: Record<ToolbarTone, string> = {
  unconfigured: 'idle',
  offline: 'idle',
  connecting: 'connecting',
  registered: 'registered',
  error: 'error',
  ringing: 'ringing',
  'in-call': 'in-call',
};

export function toolbarAppearance(s: PhoneSnapshot): ToolbarAppearance {
  const ringing = ringingCalls(s.calls);
  const talking = s.calls.filter((c) => c.state !== 'ringing' || c.direction === 'outgoing');
  const look = (tone: ToolbarTone, title: string, badgeText = ''): ToolbarAppearance => ({
    tone,
    title: t('toolbar_title', { state: title }),
    badgeText,
    badgeColor: TONE_COLORS[tone],
  });
  if (ringing[0]) return look('ringing', t('toolbar_ringing', { name: remoteName(ringing[0]) }), 'RING');
  if (talking[0]) {
    const title = talking.length > 1 ? plural('toolbar_calls', talking.length) : t('toolbar_in_call', { name: remoteName(talking[0]) });
    return look('in-call', title, talking.length > 1 ? String(talking.length) : 'CALL');
  }
  const { status, accounts } = phoneStatus(s);
  // Intl.ListFormat joins the names as the language lists things ("a, b and c").
  const me = accounts.length > 0 ? new Intl.ListFormat(uiLanguage()).format(accounts.map((a) => accountLabel(a.aor))) : undefined;
  switch (status) {
    case 'unconfigured':
      return look('unconfigured', t('toolbar_unconfigured'));
    case 'offline':
      return look('offline', me === undefined ? t('toolbar_offline') : t('toolbar_offline_as', { accounts: me }));
    case 'registered':
      return look('registered', me === undefined ? t('toolbar_registered') : t('toolbar_registered_as', { accounts: me }));
    case 'error': {
      const words = accounts.map((a) => {
        const error = a.registrationError ? say(a.registrationError) : t('toolbar_registration_failed');
        return s.accounts.length > 1 ? t('toolbar_account_error', { account: accountLabel(a.aor), error }) : error;
      });
      return look('error', words.join('; '), '!');
    }
    case 'connecting':
      return look('connecting', me === undefined ? t('toolbar_connecting') : t('toolbar_connecting_as', { accounts: me }));
    case 'no-microphone':
      return look('error', me === undefined ? t('toolbar_no_microphone') : t('toolbar_no_microphone_as', { accounts: me }), '!');
  }
}
