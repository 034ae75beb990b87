import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { CallCard } from '../../src/popup/call-card';
import type { CallSnapshot } from '../../src/shared/snapshot';
import { mockCall, mockSnapshot, recordingActions } from './mock-snapshot';
import { words } from '../../src/shared/words';

const html = (call: CallSnapshot, others: CallSnapshot[] = []) => {
  const snapshot = mockSnapshot({ calls: [...others, call], activeCallId: call.held ? undefined : call.id });
  return renderToString(<CallCard call={call} snapshot={snapshot} actions={recordingActions()} run={async () => true} />);
};

describe('CallCard', () => {
  it('offers mute, hold, keypad and transfer on a connected call', () => {
    const out = html(mockCall());
    for (const label of ['>Mute<', '>Hold<', '>Keypad<', '>Transfer<', 'Hang up']) expect(out).toContain(label);
    expect(out.match(/aria-pressed="false"/g)).toHaveLength(4);
  });

  it('keeps the Mute label when muted: the state is aria-pressed, the label does not change the width', () => {
    const out = html(mockCall({ muted: true }));
    expect(out).toMatch(/aria-pressed="true"[^>]*>(<span[^>]*><\/span>)?<span class="toggle-label">Mute</);
    expect(out).not.toContain('Unmute');
  });

  it('collapses a held call to one line: the party, On hold, Resume (and Hang up), no toggles', () => {
    const out = html(mockCall({ held: true }), [mockCall({ id: 'other' })]);
    expect(out).toContain('call-line-row');
    expect(out).not.toContain('aria-pressed');
    for (const label of ['On hold', '>Resume<', 'Hang up']) expect(out).toContain(label);
  });

  it('shows our hold, the far end holding us, and mute', () => {
    expect(html(mockCall({ held: true }))).toContain('On hold');
    expect(html(mockCall({ held: true }))).toContain('>Resume<');
    expect(html(mockCall({ remoteHold: true }))).toContain('Held by the other side');
    expect(html(mockCall({ muted: true }))).toContain('Muted: they cannot hear you');
  });

  it('says call waiting for a second incoming call', () => {
    const ringing = mockCall({ id: 'b', direction: 'incoming', state: 'ringing', answeredAt: undefined });
    expect(html(ringing, [mockCall()])).toContain('Call waiting');
    expect(html(ringing)).toContain('Incoming call');
  });

  it('offers Hold and answer, End and answer and Decline for a waiting call; Answer and Decline for a lone one', () => {
    const ringing = mockCall({ id: 'b', direction: 'incoming', state: 'ringing', answeredAt: undefined });
    const waiting = html(ringing, [mockCall()]);
    for (const label of ['>Hold and answer<', '>End and answer<', '>Decline<']) expect(waiting).toContain(label);
    expect(waiting).not.toContain('>Answer<');
    const lone = html(ringing);
    for (const label of ['>Answer<', '>Decline<']) expect(lone).toContain(label);
    expect(lone).not.toContain('and answer');
  });

  it('offers complete and cancel on a consultation call, and shows transfers', () => {
    const first = mockCall({ held: true, transfer: { kind: 'attended', target: 'sip:1003@clickdial.test', state: 'consulting' } });
    const consult = mockCall({ id: 'c', remote: { uri: 'sip:1003@clickdial.test', user: '1003' }, consultFor: first.id });
    const out = html(consult, [first]);
    expect(out).toContain('Complete transfer');
    expect(out).toContain('Cancel transfer');
    expect(out).toContain('Consulting before transferring 1002');
    expect(html(mockCall({ referredTo: 'sip:1003@clickdial.test' }))).toContain('Being transferred to 1003@clickdial.test');
    expect(
      html(
        mockCall({
          transfer: {
            kind: 'blind',
            target: 'sip:1003@x',
            state: 'failed',
            error: words('sip_call_busy', { status: '486', reason: 'Busy Here' }),
          },
        }),
      ),
    ).toContain('Busy (486 Busy Here).');
  });
});
