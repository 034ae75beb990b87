import { callerName, currentDirectory } from './caller-name';
import type { CallSnapshot, RemoteParty } from './snapshot';
import { t } from './i18n';

export function describeCallState(call: CallSnapshot): string {
  switch (call.state) {
    case 'dialing':
      return t('call_state_dialing');
    case 'ringing':
      return call.direction === 'incoming' ? t('call_state_incoming') : t('call_state_ringing');
    case 'connecting':
      return t('call_state_connecting');
    case 'active':
      if (call.held) return t('call_state_on_hold');
      return call.remoteHold ? t('call_state_held_remotely') : t('call_state_in_call');
    case 'ended':
      return t('call_state_ended');
  }
}

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/**
 * The call's far end as people read it: the contact's name, else the PBX's display name,
 * else the number formatted (caller-name.ts), from the address book this page or the worker keeps current.
 */
export function remoteName(call: CallSnapshot): string {
  return partyName(call.remote);
}

/** Any party (a caller, a message's sender) named as remoteName names a call's: every surface says one name for one person. */
export function partyName(party: RemoteParty): string {
  return callerName(party, currentDirectory());
}
