import { describe, expect, it } from 'vitest';
import { readVideo, sdpHasVideo } from '../../src/offscreen/video-calls';

const transceiver = (kind: 'audio' | 'video', direction: RTCRtpTransceiverDirection, track: Partial<MediaStreamTrack> | null, mid = '0') =>
  ({
    mid,
    direction,
    currentDirection: direction,
    receiver: { track: { kind } },
    sender: { track },
  }) as unknown as RTCRtpTransceiver;

const pc = (...transceivers: RTCRtpTransceiver[]) => ({ getTransceivers: () => transceivers }) as unknown as RTCPeerConnection;
const camera = { kind: 'video', readyState: 'live', enabled: true } as Partial<MediaStreamTrack>;

describe('video calls', () => {
  it('tells a video offer from an audio one and from a refused video stream', () => {
    expect(sdpHasVideo('v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n')).toBe(true);
    expect(sdpHasVideo('v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n')).toBe(false);
    expect(sdpHasVideo('v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nm=video 0 UDP/TLS/RTP/SAVPF 96\r\n')).toBe(false);
  });

  it('reads the camera and the far end’s video from the negotiated directions', () => {
    const audio = transceiver('audio', 'sendrecv', { kind: 'audio', readyState: 'live', enabled: true });
    expect(readVideo(pc(audio))).toBeUndefined();
    expect(readVideo(pc(audio, transceiver('video', 'sendrecv', camera)))).toEqual({ camera: true, remote: true });
    // Camera off: no track, offered recvonly.
    expect(readVideo(pc(audio, transceiver('video', 'recvonly', null)))).toEqual({ camera: false, remote: true });
    // The far end sends none (it answered recvonly: ours is sendonly).
    expect(readVideo(pc(audio, transceiver('video', 'sendonly', camera)))).toEqual({ camera: true, remote: false });
    // Refused (m=video 0): the transceiver is stopped, an audio call.
    expect(readVideo(pc(audio, transceiver('video', 'stopped', camera)))).toBeUndefined();
    // On hold (inactive): neither way.
    expect(readVideo(pc(audio, transceiver('video', 'inactive', camera)))).toEqual({ camera: false, remote: false });
  });
});
