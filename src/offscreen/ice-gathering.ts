// When an offer or an answer has the ICE candidates worth sending. SIP.js
// sends its SDP once the browser says gathering is complete, but Chromium
// reports its TCP host candidates (the "active" kind, port 9) about 120 ms
// after the UDP ones, and says complete only then: every INVITE and every
// answer waited for them (measured: UDP host candidates 10 ms after
// setLocalDescription, complete at 130 ms). They are not worth the wait.
// Active TCP candidates are never connected to; our side connects from them
// to a far end's passive TCP candidates, and local candidates need not be in
// the SDP for our own checks (the far end learns them as peer-reflexive, RFC
// 8445 7.3.1.3). SIP media servers (Asterisk, FreeSWITCH, rtpengine) offer no
// ICE-TCP anyway. What the far end does need is in the SDP: a UDP candidate,
// plus a server-reflexive one when a STUN server is set and a relayed one
// when a TURN server is set (those come later, after a round trip to the
// server, and are waited for). Then, once SETTLE_MS passed without another
// such candidate (every network's candidates of one kind come together), SIP.js
// is told to go on (SessionDescriptionHandler.iceGatheringComplete, made for
// this). Gathering that never gets there ends as before: the browser's
// "complete", or SIP.js's iceGatheringTimeout.
//
//   gathering ──UDP/relay candidate, all the kinds the servers promise seen──▶ enough
//   enough ──another UDP/relay candidate──▶ enough (the wait starts again)
//   enough ──SETTLE_MS quiet──▶ sent (SIP.js goes on with what it has)
//   gathering | enough ──browser: complete, or SIP.js's timeout──▶ sent (as before)
//   sent ──ICE restart (new credentials)──▶ gathering
import { Web, type SessionDescriptionHandler } from 'sip.js';

/**
 * Quiet time after the last useful candidate: Chromium hands out one kind for
 * all networks at once (measured: four networks' UDP host candidates within
 * 2 ms). One that comes later still works for our own checks; it is only
 * missing from the SDP.
 */
export const SETTLE_MS = 5;

export interface Expected {
  /** A STUN (or TURN) server is set: wait for a server-reflexive candidate. */
  srflx: boolean;
  /** A TURN server is set: wait for a relayed candidate. */
  relay: boolean;
}

export interface SeenCandidate {
  type: RTCIceCandidateType | null;
  protocol: RTCIceProtocol | null;
}

/** What the configured ICE servers promise. A TURN server also answers STUN's question. */
export function expectedCandidates(servers: readonly RTCIceServer[]): Expected {
  const urls = servers.flatMap((s) => (Array.isArray(s.urls) ? s.urls : [s.urls]));
  const relay = urls.some((u) => /^turns?:/i.test(u));
  return { relay, srflx: relay || urls.some((u) => /^stuns?:/i.test(u)) };
}

/** A candidate the far end may need in the SDP: not one of Chromium's late TCP host ones. */
export function isUseful(candidate: SeenCandidate): boolean {
  return candidate.protocol === 'udp' || candidate.type === 'relay';
}

/** Everything the far end needs is there (more may come: see SETTLE_MS). */
export function enoughCandidates(seen: readonly SeenCandidate[], expected: Expected): boolean {
  const useful = seen.filter(isUseful);
  if (useful.length === 0) return false;
  if (expected.srflx && !useful.some((c) => c.type === 'srflx')) return false;
  if (expected.relay && !useful.some((c) => c.type === 'relay')) return false;
  return true;
}

/**
 * Watches the handler's peer connection for its whole life (one watch per
 * handler: offers, answers and ICE-restart re-offers). Candidates are counted
 * per ICE username fragment, so a restart starts from nothing.
 */
export function sendWhenGathered(sdh: SessionDescriptionHandler): void {
  // Only SIP.js's own handler for the browser's WebRTC has a peer connection to watch.
  if (!(sdh instanceof Web.SessionDescriptionHandler)) return;
  const pc = sdh.peerConnection;
  if (!pc) return;
  const expected = expectedCandidates(pc.getConfiguration().iceServers ?? []);
  const seen = new Map<string, SeenCandidate[]>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  pc.addEventListener('icecandidate', (event: RTCPeerConnectionIceEvent) => {
    const candidate = event.candidate;
    if (!candidate?.candidate) return;
    const ufrag = candidate.usernameFragment ?? '';
    const list = seen.get(ufrag) ?? [];
    list.push({ type: candidate.type, protocol: candidate.protocol });
    seen.set(ufrag, list);
    if (!isUseful(list[list.length - 1] as SeenCandidate) || !enoughCandidates(list, expected)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Candidates of an earlier gathering (before an ICE restart) do not end the new one.
      if (pc.signalingState === 'closed' || !pc.localDescription?.sdp.includes(`a=ice-ufrag:${ufrag}`)) return;
      sdh.iceGatheringComplete();
    }, SETTLE_MS);
  });
}
