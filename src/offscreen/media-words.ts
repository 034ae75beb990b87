// Media that failed, in words a user (or their PBX's administrator) can act
// on. The browser's own messages (Chromium: "Failed to set remote answer sdp:
// ... RTCP-MUX is not enabled when it is required", "Called with SDP without
// ice-ufrag and ice-pwd") name a WebRTC requirement the far end's offer or
// answer does not meet; those are said as the requirement, not as SDP.

/** A requirement of browsers' media the far end's description broke, and how to say it. */
const REQUIREMENTS: readonly [RegExp, string][] = [
  [/rtcp-?mux/i, 'the other side does not offer rtcp-mux (audio and its control on one port), which browsers require'],
  [/ice-ufrag|ice-pwd/i, 'the other side does not support ICE, which browsers require'],
  [/fingerprint|dtls|crypto|savpf/i, 'the other side does not offer encrypted media (DTLS-SRTP), which browsers require'],
  [/codec|payload type/i, 'the other side offers no audio format this browser can play'],
];

/** What the PBX needs for a browser phone, said after a requirement it broke. */
const WEBRTC_ADVICE = 'The PBX needs WebRTC media (ICE, DTLS-SRTP, rtcp-mux) for this line.';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Why the far end's offer or answer cannot be used: the reason for the history, and the notice. */
export function describeUnusableDescription(error: unknown, who: string): { reason: string; notice: string } {
  const message = messageOf(error);
  const broken = REQUIREMENTS.find(([pattern]) => pattern.test(message))?.[1];
  if (broken) {
    return {
      reason: `The call's audio could not be set up: ${broken}.`,
      notice: `The call with ${who} could not be connected: ${broken}. ${WEBRTC_ADVICE}`,
    };
  }
  return {
    reason: `The call's audio could not be set up: this browser cannot use the other side's media description (${message}).`,
    notice: `The call with ${who} could not be connected: this browser cannot use the other side's media description (${message}).`,
  };
}

/** Our own side's media could not be started (the microphone, or the browser's answer). */
export function describeLocalMediaFailure(error: unknown, who: string): { reason: string; notice: string } {
  const message = messageOf(error);
  return {
    reason: `The call's audio could not be started on this computer (${message}).`,
    notice: `The call with ${who} could not be connected: its audio could not be started on this computer (${message}).`,
  };
}

/** ICE never connected: no path for the audio between the two sides. */
export function describeNoMediaPath(who: string, seconds: number): { reason: string; notice: string } {
  return {
    reason: `No audio connection could be made with the other side within ${seconds} s.`,
    notice: `The call with ${who} was ended: no audio connection could be made with the other side within ${seconds} s. A firewall may block it, or the line needs a TURN server.`,
  };
}

/** ICE connected, then was lost and could not be restored. */
export function describeMediaLost(who: string, seconds: number): { reason: string; notice: string } {
  return {
    reason: `The audio connection was lost and could not be restored within ${seconds} s.`,
    notice: `The call with ${who} was ended: the audio connection was lost and could not be restored within ${seconds} s.`,
  };
}
