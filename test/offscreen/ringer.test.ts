import { describe, expect, it } from 'vitest';
import { toneFor } from '../../src/offscreen/ringer';
import { toneWav } from '../../src/offscreen/tones';
import { mockCall, mockSnapshot } from '../popup/mock-snapshot';

const incoming = mockCall({ id: 'in', direction: 'incoming', state: 'ringing', answeredAt: undefined });

describe('toneFor', () => {
  it('rings for an incoming call', () => expect(toneFor(mockSnapshot({ calls: [incoming] }))).toBe('ring'));
  it('plays call waiting during a call', () => expect(toneFor(mockSnapshot({ calls: [mockCall(), incoming] }))).toBe('waiting'));
  it('plays ringback for an outgoing call that rings', () =>
    expect(toneFor(mockSnapshot({ calls: [mockCall({ state: 'ringing', answeredAt: undefined })] }))).toBe('ringback'));
  it('leaves ringback to the PBX when it sends early media', () =>
    expect(toneFor(mockSnapshot({ calls: [mockCall({ state: 'ringing', earlyMedia: true, answeredAt: undefined })] }))).toBeUndefined());
  it('stops ringing as soon as the call is being answered', () =>
    expect(toneFor(mockSnapshot({ calls: [{ ...incoming, state: 'connecting' }] }))).toBeUndefined());
  it('is silent while dialing, talking or idle', () => {
    expect(toneFor(mockSnapshot({ calls: [mockCall({ state: 'dialing', answeredAt: undefined })] }))).toBeUndefined();
    expect(toneFor(mockSnapshot({ calls: [mockCall()] }))).toBeUndefined();
    expect(toneFor(mockSnapshot())).toBeUndefined();
  });
});

describe('toneWav', () => {
  it.each([
    ['ring', 3.0],
    ['waiting', 10.0],
    ['ringback', 6.0],
  ] as const)('%s is a mono 8 kHz WAV of one %s s cycle', async (tone, seconds) => {
    const bytes = new DataView(await toneWav(tone).arrayBuffer());
    const tag = (at: number) => String.fromCharCode(...[0, 1, 2, 3].map((i) => bytes.getUint8(at + i)));
    expect([tag(0), tag(8), tag(36)]).toEqual(['RIFF', 'WAVE', 'data']);
    expect(bytes.getUint16(22, true)).toBe(1);
    expect(bytes.getUint32(24, true)).toBe(8000);
    expect(bytes.getUint32(40, true)).toBe(seconds * 8000 * 2);
    // not silent
    let peak = 0;
    for (let i = 44; i < bytes.byteLength; i += 2) peak = Math.max(peak, Math.abs(bytes.getInt16(i, true)));
    expect(peak).toBeGreaterThan(5000);
  });
});
