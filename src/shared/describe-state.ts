import { partyName } from './call-selectors';
import type { CallSnapshot } from './snapshot';

export function describeCallState(call: CallSnapshot): string {
  switch (call.state) {
    case 'dialing':
      return 'Calling…';
    case 'ringing':
      return call.direction === 'incoming' ? 'Incoming call' : 'Ringing…';
    case 'connecting':
      return 'Connecting…';
    case 'active':
      if (call.held) return 'On hold';
      return call.remoteHold ? 'Held by the other side' : 'In call';
    case 'ended':
      return 'Ended';
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

/** The call's far end as people read it (call-selectors.ts partyName). */
export function remoteName(call: CallSnapshot): string {
  return partyName(call.remote);
}
