import type { CallSnapshot, PhoneSnapshot } from '../../src/shared/snapshot';
import type { PhoneActions } from '../../src/shared/phone-actions';

/** A registered phone with no calls; tests patch what they need. */
export function mockSnapshot(patch: Partial<PhoneSnapshot> = {}): PhoneSnapshot {
  return {
    configured: true,
    wantsOnline: true,
    aor: 'sip:1001@clickdial.test',
    connection: 'connected',
    registration: 'registered',
    microphone: 'granted',
    calls: [],
    maxCalls: 2,
    revision: 1,
    ...patch,
  };
}

export function mockCall(patch: Partial<CallSnapshot> = {}): CallSnapshot {
  return {
    id: 'call-1',
    direction: 'outgoing',
    remote: { uri: 'sip:1002@clickdial.test', user: '1002' },
    state: 'active',
    createdAt: Date.now() - 65_000,
    answeredAt: Date.now() - 61_000,
    held: false,
    muted: false,
    earlyMedia: false,
    remoteHold: false,
    ...patch,
  };
}

/** Actions that record what was asked of them. */
export function recordingActions(): PhoneActions & { calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, args]);
      return Promise.resolve(null);
    };
  return {
    calls,
    call: record('call'),
    answer: record('answer'),
    decline: record('decline'),
    hangup: record('hangup'),
    setOnline: record('setOnline'),
    openOptions: record('openOptions'),
    openMicrophoneSetup: record('openMicrophoneSetup'),
    setMuted: record('setMuted'),
    hold: record('hold'),
    switchTo: record('switchTo'),
    sendDtmf: record('sendDtmf'),
    transfer: record('transfer'),
    consult: record('consult'),
    completeTransfer: record('completeTransfer'),
    cancelTransfer: record('cancelTransfer'),
    sendMessage: (...args: unknown[]) => {
      calls.push(['sendMessage', args]);
      return Promise.resolve({ contact: 'sip:1002@clickdial.test' });
    },
    markRead: record('markRead'),
    clearHistory: record('clearHistory'),
  };
}
