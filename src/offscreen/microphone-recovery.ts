// A microphone unplugged mid-call ends the call's audio track, and the other
// side would hear nothing for the rest of the call. We swap in a new track
// from the microphone the settings give now (the default when the chosen one
// is gone), keep its mute/hold state, and say so.
//
//   track live --ended (unplugged)--> getUserMedia --> replaceTrack --> new track live (watched again)
//                                          └--fails--> notice: no microphone for this call
import type { Session, Web } from 'sip.js';
import { errorDetail } from '../shared/protocol';
import { words, type Words } from '../shared/words';

export interface MicrophoneRecoveryContext {
  /** The audio constraints a call would use now (falls back to the default microphone). */
  constraints(): Promise<MediaStreamConstraints>;
  notify(said: Words): void;
}

function audioSender(session: Session): { pc: RTCPeerConnection; sdh: Web.SessionDescriptionHandler; sender: RTCRtpSender } | undefined {
  const sdh = session.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
  const pc = sdh?.peerConnection;
  const sender = pc?.getSenders().find((s) => s.track?.kind === 'audio');
  return sdh && pc && sender ? { pc, sdh, sender } : undefined;
}

/** Watches the call's microphone track for as long as the call lasts. */
export function recoverMicrophone(session: Session, ctx: MicrophoneRecoveryContext): void {
  const found = audioSender(session);
  const track = found?.sender.track;
  if (!found || !track) return;
  const { pc, sdh, sender } = found;
  track.addEventListener(
    'ended',
    () => {
      if (pc.connectionState === 'closed' || sender.track !== track) return;
      void (async () => {
        try {
          const stream = await navigator.mediaDevices.getUserMedia(await ctx.constraints());
          const next = stream.getAudioTracks()[0];
          if (!next) throw new Error('no audio track');
          // Muted or on hold stays so: SIP.js mutes by disabling the sender's track.
          next.enabled = track.enabled;
          await sender.replaceTrack(next);
          // SIP.js stops the tracks of its local stream when the call ends: keep it in step.
          sdh.localMediaStream.removeTrack(track);
          sdh.localMediaStream.addTrack(next);
          ctx.notify(words('device_microphone_recovered'));
          recoverMicrophone(session, ctx);
        } catch (error) {
          ctx.notify(words('device_microphone_lost', { detail: errorDetail(error) }));
        }
      })();
    },
    { once: true },
  );
}
