import type { AccountSnapshot, CallSnapshot, PhoneSnapshot } from '../../src/shared/snapshot';
import type { PhoneActions } from '../../src/shared/phone-actions';

/** A registered account (1001's); tests patch what they need. */
export function mockAccount(patch: Partial<AccountSnapshot> = {}): AccountSnapshot {
  return {
    id: 'account-1',
    aor: 'sip:1001@clickdial.test',
    wantsOnline: true,
    connection: 'connected',
    registration: 'registered',
    ...patch,
  };
}

/** A phone with one registered account and no calls; `account` patches that account, the rest the snapshot. */
export function mockSnapshot(patch: Partial<PhoneSnapshot> = {}, account: Partial<AccountSnapshot> = {}): PhoneSnapshot {
  return {
    accounts: [mockAccount(account)],
    defaultAccountId: 'account-1',
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
    accountId: 'account-1',
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
    retry: record('retry'),
    openOptions: record('openOptions'),
    openMicrophoneSetup: record('openMicrophoneSetup'),
    openCameraSetup: record('openCameraSetup'),
    openSetup: record('openSetup'),
    setMuted: record('setMuted'),
    setCamera: record('setCamera'),
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
