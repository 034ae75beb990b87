import { describe, expect, it } from 'vitest';
import { isHoldSdp } from '../../src/offscreen/remote-hold';

const sdp = (...lines: string[]) =>
  ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', ...lines].join('\r\n') + '\r\n';

describe('isHoldSdp', () => {
  it('sees sendonly and inactive audio as hold', () => {
    expect(isHoldSdp(sdp('m=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=sendonly'))).toBe(true);
    expect(isHoldSdp(sdp('m=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=inactive'))).toBe(true);
  });

  it('sees sendrecv, recvonly and no direction as not held', () => {
    expect(isHoldSdp(sdp('m=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=sendrecv'))).toBe(false);
    expect(isHoldSdp(sdp('m=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=recvonly'))).toBe(false);
    expect(isHoldSdp(sdp('m=audio 9 UDP/TLS/RTP/SAVPF 111'))).toBe(false);
  });

  it('takes a session-level direction and the old 0.0.0.0 hold', () => {
    expect(isHoldSdp(sdp('a=sendonly', 'm=audio 9 RTP/AVP 0'))).toBe(true);
    expect(isHoldSdp(sdp('m=audio 9 RTP/AVP 0', 'c=IN IP4 0.0.0.0'))).toBe(true);
  });

  it('ignores video and removed streams, and answers undefined without SDP', () => {
    expect(isHoldSdp(sdp('m=audio 9 RTP/AVP 0', 'a=sendrecv', 'm=video 9 RTP/AVP 96', 'a=inactive'))).toBe(false);
    expect(isHoldSdp(sdp('m=audio 0 RTP/AVP 0', 'a=inactive'))).toBe(false);
    expect(isHoldSdp('')).toBeUndefined();
    expect(isHoldSdp(undefined)).toBeUndefined();
    expect(isHoldSdp('Signal=5')).toBeUndefined();
  });
});
