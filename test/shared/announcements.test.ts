import { describe, expect, it } from 'vitest';
import { MESSAGE_WORDS_LIMIT, endedAnnouncement, messageAnnouncement, snapshotAnnouncements } from '../../src/shared/announcements';
import type { EndedCall } from '../../src/shared/snapshot';
import { mockAccount, mockCall, mockSnapshot } from '../popup/mock-snapshot';
import { words } from '../../src/shared/words';

const ringing = mockCall({ id: 'in', direction: 'incoming', state: 'ringing', answeredAt: undefined });

describe('what the live regions say when the phone changes', () => {
  it('says an incoming call at once, and a second one as call waiting', () => {
    const idle = mockSnapshot();
    expect(snapshotAnnouncements(idle, mockSnapshot({ calls: [ringing] }))).toEqual({
      polite: [],
      assertive: ['Incoming call from 1002.'],
    });
    const talking = mockCall({ remote: { uri: 'sip:1003@x', user: '1003' } });
    const waiting = mockSnapshot({ calls: [talking, ringing] });
    expect(snapshotAnnouncements(mockSnapshot({ calls: [talking] }), waiting).assertive).toEqual(['Call waiting: 1002 is calling.']);
    // Still ringing: said once.
    expect(snapshotAnnouncements(waiting, { ...waiting, revision: 2 })).toEqual({ polite: [], assertive: [] });
  });

  it('names the line with several accounts', () => {
    const two = { accounts: [mockAccount(), mockAccount({ id: 'account-2', aor: 'sip:200@team.example' })] };
    const call = { ...ringing, accountId: 'account-2' };
    expect(snapshotAnnouncements(mockSnapshot(two), mockSnapshot({ ...two, calls: [call] })).assertive).toEqual([
      'Incoming call from 1002 on 200@team.example.',
    ]);
  });

  it('says an outgoing call calling, ringing and answered, and holds both ways', () => {
    const dialing = mockCall({ state: 'dialing', answeredAt: undefined });
    const steps = [
      mockSnapshot(),
      mockSnapshot({ calls: [dialing] }),
      mockSnapshot({ calls: [{ ...dialing, state: 'ringing' }] }),
      mockSnapshot({ calls: [mockCall()] }),
      mockSnapshot({ calls: [mockCall({ held: true })] }),
      mockSnapshot({ calls: [mockCall()] }),
      mockSnapshot({ calls: [mockCall({ remoteHold: true })] }),
      mockSnapshot({ calls: [mockCall()] }),
    ];
    const said = steps.slice(1).map((after, i) => snapshotAnnouncements(steps[i]!, after).polite);
    expect(said).toEqual([
      ['Calling 1002…'],
      ['Ringing 1002…'],
      ['In call with 1002.'],
      ['1002 is on hold.'],
      ['Back in the call with 1002.'],
      ['1002 put you on hold.'],
      ['1002 took you off hold.'],
    ]);
  });

  it('says mute and unmute, wherever they came from', () => {
    const talking = mockSnapshot({ calls: [mockCall()] });
    const muted = mockSnapshot({ calls: [mockCall({ muted: true })] });
    expect(snapshotAnnouncements(talking, muted).polite).toEqual(['Muted: 1002 cannot hear you.']);
    expect(snapshotAnnouncements(muted, talking).polite).toEqual(['Microphone on: 1002 hears you again.']);
  });

  it('says where a registration lands, with its error, and not the steps on the way; the options hear no calls', () => {
    const registering = mockSnapshot({}, { registration: 'registering', connection: 'connecting' });
    const failed = mockSnapshot(
      {},
      { registration: 'failed', registrationError: words('sip_register_wrong_password', { status: '401', reason: 'Unauthorized' }) },
    );
    expect(snapshotAnnouncements(mockSnapshot(), registering).polite).toEqual([]);
    expect(snapshotAnnouncements(registering, failed).polite).toEqual([
      '1001@clickdial.test: Registration failed. Wrong user name or password: the server refused the login (401 Unauthorized).',
    ]);
    expect(snapshotAnnouncements(failed, mockSnapshot()).polite).toEqual(['1001@clickdial.test: Registered.']);
    expect(snapshotAnnouncements(mockSnapshot(), mockSnapshot({ microphone: 'denied' })).polite).toEqual([
      "1001@clickdial.test: Can't take calls: microphone blocked.",
    ]);
    expect(snapshotAnnouncements(mockSnapshot(), mockSnapshot({ calls: [ringing] }), { calls: false })).toEqual({
      polite: [],
      assertive: [],
    });
  });

  it('says how a call ended', () => {
    const ended = (patch: Partial<EndedCall>, call = mockCall()): string =>
      endedAnnouncement({ call, outcome: 'completed', endedAt: call.answeredAt! + 83_000, ...patch });
    expect(ended({})).toBe('Call with 1002 ended after 1 minute, 23 seconds.');
    expect(ended({ outcome: 'missed' }, ringing)).toBe('Missed call from 1002.');
    expect(ended({ outcome: 'declined', endedAt: 1 }, ringing)).toBe('Declined the call from 1002.');
    expect(ended({ outcome: 'cancelled', endedAt: 1 }, mockCall({ answeredAt: undefined }))).toBe('Call to 1002 not answered.');
    expect(ended({ outcome: 'failed', reason: words('sip_call_busy', { status: '486', reason: 'Busy Here' }) })).toBe(
      'Call to 1002 failed: Busy (486 Busy Here).',
    );
    expect(ended({ outcome: 'dropped', reason: words('connection_lost_call_ended', { seconds: 30, who: '1002' }) })).toBe(
      'Call with 1002 dropped: The connection to the SIP server was lost for more than 30 s, so the call with 1002 was ended.',
    );
    expect(ended({ outcome: 'answered-elsewhere' }, ringing)).toBe('The call from 1002 was answered elsewhere.');
  });

  it('says a new message, cut to a sentence a reader can say', () => {
    const message = { accountId: 'account-1', from: { uri: 'sip:1002@x', user: '1002', displayName: 'Bea' }, at: 0 };
    expect(messageAnnouncement({ ...message, body: 'Call me\nback' })).toBe('New message from Bea: Call me back');
    const long = messageAnnouncement({ ...message, body: 'x'.repeat(500) });
    expect(long).toBe(`New message from Bea: ${'x'.repeat(MESSAGE_WORDS_LIMIT)}…`);
  });
});
