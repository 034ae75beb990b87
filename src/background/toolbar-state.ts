import { accountLabel, phoneStatus } from '../shared/account-selectors';
import { ringingCalls } from '../shared/call-selectors';
import { remoteName } from '../shared/describe-state';
import type { PhoneSnapshot } from '../shared/snapshot';

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
    title: `ClickDial: ${title}`,
    badgeText,
    badgeColor: TONE_COLORS[tone],
  });
  if (ringing[0]) return look('ringing', `Incoming call from ${remoteName(ringing[0])}`, 'RING');
  if (talking[0]) {
    const title = talking.length > 1 ? `${talking.length} calls` : `In call with ${remoteName(talking[0])}`;
    return look('in-call', title, talking.length > 1 ? String(talking.length) : 'CALL');
  }
  const { status, accounts } = phoneStatus(s);
  const me = accounts.length > 0 ? ` as ${accounts.map((a) => accountLabel(a.aor)).join(', ')}` : '';
  switch (status) {
    case 'unconfigured':
      return look('unconfigured', 'not set up: open the options to enter your SIP account');
    case 'offline':
      return look('offline', `offline${me}`);
    case 'registered':
      return look('registered', `registered${me}`);
    case 'error': {
      const words = accounts.map(
        (a) => `${s.accounts.length > 1 ? `${accountLabel(a.aor)}: ` : ''}${a.registrationError ?? 'registration failed'}`,
      );
      return look('error', words.join('; '), '!');
    }
    case 'connecting':
      return look('connecting', `connecting${me}…`);
    case 'no-microphone':
      return look('error', `registered${me}, but can't take calls: the microphone is blocked for ClickDial`, '!');
  }
}
