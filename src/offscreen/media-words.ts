// Media that failed, in words a user (or their PBX's administrator) can act
// on. The browser's own messages (Chromium: "Failed to set remote answer sdp:
// ... RTCP-MUX is not enabled when it is required", "Called with SDP without
// ice-ufrag and ice-pwd") name a WebRTC requirement the far end's offer or
// answer does not meet; those are said as the requirement, not as SDP.
// The reason and the notice are Words (the pages say them in the user's
// language); `warning` is the reason in English for the SIP Warning header,
// which goes to the far end's logs, not to a user of ClickDial.
import { ClickDialError } from '../shared/protocol';
import { words, type Words } from '../shared/words';

type Requirement = 'media_needs_rtcp_mux' | 'media_needs_ice' | 'media_needs_dtls' | 'media_needs_codec';

/** A requirement of browsers' media the far end's description broke, how to say it, and its English for SIP headers. */
const REQUIREMENTS: readonly [RegExp, Requirement, string][] = [
  [
    /rtcp-?mux/i,
    'media_needs_rtcp_mux',
    'the other side does not offer rtcp-mux (audio and its control on one port), which browsers require',
  ],
  [/ice-ufrag|ice-pwd/i, 'media_needs_ice', 'the other side does not support ICE, which browsers require'],
  [
    /fingerprint|dtls|crypto|savpf/i,
    'media_needs_dtls',
    'the other side does not offer encrypted media (DTLS-SRTP), which browsers require',
  ],
  [/codec|payload type/i, 'media_needs_codec', 'the other side offers no audio format this browser can play'],
];

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface MediaWords {
  /** For the history. */
  reason: Words;
  /** For the user, now. */
  notice: Words;
}

/** Why the far end's offer or answer cannot be used: the reason for the history, the notice, and the Warning text. */
export function describeUnusableDescription(error: unknown, who: string): MediaWords & { warning: string } {
  const message = messageOf(error);
  const broken = REQUIREMENTS.find(([pattern]) => pattern.test(message));
  if (broken) {
    const requirement = words(broken[1]);
    return {
      reason: words('media_reason_unusable', { broken: requirement }),
      notice: words('media_notice_unusable', { who, broken: requirement }),
      warning: `The call's audio could not be set up: ${broken[2]}.`,
    };
  }
  return {
    reason: words('media_reason_description', { detail: message }),
    notice: words('media_notice_description', { who, detail: message }),
    warning: `The call's audio could not be set up: this browser cannot use the other side's media description (${message}).`,
  };
}

/** Our own side's media could not be started (the microphone, or the browser's answer). */
export function describeLocalMediaFailure(error: unknown, who: string): MediaWords {
  // Already said in words (a microphone that cannot be opened, early-microphone.ts).
  if (error instanceof ClickDialError && error.words) return { reason: error.words, notice: error.words };
  const detail = messageOf(error);
  return { reason: words('media_reason_local', { detail }), notice: words('media_notice_local', { who, detail }) };
}

/** ICE never connected: no path for the audio between the two sides. */
export function describeNoMediaPath(who: string, seconds: number): MediaWords {
  return { reason: words('media_reason_no_path', { seconds }), notice: words('media_notice_no_path', { who, seconds }) };
}

/** ICE connected, then was lost and could not be restored. */
export function describeMediaLost(who: string, seconds: number): MediaWords {
  return { reason: words('media_reason_lost', { seconds }), notice: words('media_notice_lost', { who, seconds }) };
}
