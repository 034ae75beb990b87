import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Core, Web } from 'sip.js';
import { SETTLE_MS, enoughCandidates, expectedCandidates, sendWhenGathered } from '../../src/offscreen/ice-gathering';

/** A peer connection whose candidates the test hands out, as Chromium does, one event each. */
class GatheringPeerConnection extends EventTarget {
  signalingState: RTCSignalingState = 'have-local-offer';
  iceGatheringState: RTCIceGatheringState = 'gathering';
  localDescription: { type: 'offer'; sdp: string } | null = { type: 'offer', sdp: 'v=0\r\na=ice-ufrag:one\r\n' };
  constructor(private readonly configuration: RTCConfiguration = {}) {
    super();
  }
  getConfiguration(): RTCConfiguration {
    return this.configuration;
  }
  candidate(type: RTCIceCandidateType, protocol: RTCIceProtocol, ufrag = 'one'): void {
    const event = new Event('icecandidate') as Event & { candidate: Partial<RTCIceCandidate> };
    event.candidate = { candidate: `candidate:1 1 ${protocol} 1 127.0.0.1 9 typ ${type}`, type, protocol, usernameFragment: ufrag };
    this.dispatchEvent(event);
  }
  complete(): void {
    this.iceGatheringState = 'complete';
    (this as unknown as { onicegatheringstatechange: (e: Event) => void }).onicegatheringstatechange(new Event('icegatheringstatechange'));
  }
}

/** SIP.js's own handler, its wait for gathering reachable (it is protected). */
class Handler extends Web.SessionDescriptionHandler {
  gathered(timeoutMs = 3000): Promise<void> {
    return this.waitForIceGatheringComplete(false, timeoutMs);
  }
  get pc(): GatheringPeerConnection {
    return this.peerConnection as unknown as GatheringPeerConnection;
  }
}

const logger = new Core.LoggerFactory().getLogger('sip.test');

function handler(iceServers: RTCIceServer[] = []): Handler {
  const sdh = new Handler(logger, () => Promise.reject(new Error('no media here')), { peerConnectionConfiguration: { iceServers } });
  sendWhenGathered(sdh);
  return sdh;
}

/** When (fake ms from now) the wait ended, or undefined if it did not within `withinMs`. */
async function endsAt(wait: Promise<void>, steps: [number, () => void][], withinMs = 5000): Promise<number | undefined> {
  let endedAt: number | undefined;
  const start = Date.now();
  void wait.then(() => (endedAt = Date.now() - start));
  for (const [at, step] of steps) {
    await vi.advanceTimersByTimeAsync(at - (Date.now() - start));
    step();
  }
  await vi.advanceTimersByTimeAsync(withinMs - (Date.now() - start));
  return endedAt;
}

beforeAll(() => {
  Object.assign(globalThis, { RTCPeerConnection: GatheringPeerConnection, MediaStream: class {} });
});
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('what the ICE servers promise', () => {
  it('a STUN server a server-reflexive candidate, a TURN server a relayed one as well', () => {
    expect(expectedCandidates([])).toEqual({ srflx: false, relay: false });
    expect(expectedCandidates([{ urls: 'stun:stun.example.org:3478' }])).toEqual({ srflx: true, relay: false });
    expect(expectedCandidates([{ urls: ['stun:a', 'turns:b?transport=tcp'], username: 'u', credential: 'c' }])).toEqual({
      srflx: true,
      relay: true,
    });
  });

  it('TCP host candidates are never enough', () => {
    const none = { srflx: false, relay: false };
    expect(enoughCandidates([{ type: 'host', protocol: 'tcp' }], none)).toBe(false);
    expect(enoughCandidates([{ type: 'host', protocol: 'udp' }], none)).toBe(true);
    expect(enoughCandidates([{ type: 'host', protocol: 'udp' }], { srflx: true, relay: false })).toBe(false);
    expect(enoughCandidates([{ type: 'relay', protocol: 'tcp' }], { srflx: true, relay: true })).toBe(false);
    expect(
      enoughCandidates(
        [
          { type: 'srflx', protocol: 'udp' },
          { type: 'relay', protocol: 'tcp' },
        ],
        { srflx: true, relay: true },
      ),
    ).toBe(true);
  });
});

describe('the offer goes out when its candidates are in', () => {
  it("without ICE servers: SETTLE_MS after the last UDP host candidate, not at Chromium's late TCP ones", async () => {
    const sdh = handler();
    const ended = await endsAt(sdh.gathered(), [
      [10, () => sdh.pc.candidate('host', 'udp')],
      [11, () => sdh.pc.candidate('host', 'udp')],
      [130, () => sdh.pc.candidate('host', 'tcp')],
      [131, () => sdh.pc.complete()],
    ]);
    expect(ended).toBe(11 + SETTLE_MS);
  });

  it('a TCP candidate during the quiet time does not put it off', async () => {
    const sdh = handler();
    const ended = await endsAt(sdh.gathered(), [
      [10, () => sdh.pc.candidate('host', 'udp')],
      [12, () => sdh.pc.candidate('host', 'tcp')],
    ]);
    expect(ended).toBe(10 + SETTLE_MS);
  });

  it('with a STUN server: once its server-reflexive candidate came', async () => {
    const sdh = handler([{ urls: 'stun:stun.example.org' }]);
    const ended = await endsAt(sdh.gathered(), [
      [10, () => sdh.pc.candidate('host', 'udp')],
      [60, () => sdh.pc.candidate('srflx', 'udp')],
      [200, () => sdh.pc.complete()],
    ]);
    expect(ended).toBe(60 + SETTLE_MS);
  });

  it('with a TURN server: once its relayed candidate came', async () => {
    const sdh = handler([{ urls: 'turn:turn.example.org', username: 'u', credential: 'c' }]);
    const ended = await endsAt(sdh.gathered(), [
      [10, () => sdh.pc.candidate('host', 'udp')],
      [40, () => sdh.pc.candidate('srflx', 'udp')],
      [130, () => sdh.pc.candidate('host', 'tcp')],
      [150, () => sdh.pc.candidate('relay', 'udp')],
      [400, () => sdh.pc.complete()],
    ]);
    expect(ended).toBe(150 + SETTLE_MS);
  });

  it("without a useful candidate, the browser's own end of gathering (or SIP.js's timeout) decides, as before", async () => {
    const sdh = handler();
    expect(
      await endsAt(sdh.gathered(), [
        [130, () => sdh.pc.candidate('host', 'tcp')],
        [140, () => sdh.pc.complete()],
      ]),
    ).toBe(140);
    const silent = handler([{ urls: 'stun:unreachable.example.org' }]);
    expect(await endsAt(silent.gathered(800), [[10, () => silent.pc.candidate('host', 'udp')]])).toBe(800);
  });

  it("an ICE restart's wait is not ended by the earlier gathering's candidates", async () => {
    const sdh = handler();
    // The restart's offer is in place (new credentials) while a candidate of the old one is still delivered.
    sdh.pc.localDescription = { type: 'offer', sdp: 'v=0\r\na=ice-ufrag:two\r\n' };
    const ended = await endsAt(sdh.gathered(), [
      [5, () => sdh.pc.candidate('host', 'udp', 'one')],
      [50, () => sdh.pc.candidate('host', 'udp', 'two')],
    ]);
    expect(ended).toBe(50 + SETTLE_MS);
  });
});
