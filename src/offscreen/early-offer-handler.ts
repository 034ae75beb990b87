// SIP.js's session description handler, with an audio call's first offer
// made while its microphone opens. SIP.js waits for the microphone before it
// makes the offer, then gathers ICE candidates: one after the other, the two
// longest steps before an INVITE can go (measured here: 22 to 35 ms to open
// the microphone, 10 to 20 ms from there to the gathered offer). The offer
// does not need the track, only an audio sender: it is added without one,
// and the microphone's track is put on it once open. The INVITE still waits
// for both, so a microphone that fails sends no INVITE, as before.
//
//   first offer of an audio-only call:
//     add an audio sender, no track ──▶ offer ──▶ ICE gathered ──┐
//     open the microphone (SIP.js's media stream factory) ───────┴▶ both done: the track on the sender, the SDP to SIP.js
//   the microphone fails ──▶ the offer fails as SIP.js's own would (no INVITE)
//   the handler is closed before the microphone opened ──▶ the microphone's tracks are stopped
//   anything else (a far end's offer and our answer, re-offers, video calls) ──▶ SIP.js's own steps
import { Web, type SessionDescriptionHandlerModifier } from 'sip.js';

type Options = Web.SessionDescriptionHandlerOptions;

/** SIP.js keeps these private; the handler sets them as SIP.js's own steps would. */
interface Internals {
  localMediaStreamConstraints?: MediaStreamConstraints;
}

export class EarlyOfferHandler extends Web.SessionDescriptionHandler {
  /** The microphone opening for the offer being made: its track on the sender when done. */
  private opening: Promise<void> | undefined;
  /** True while getDescription (an offer or an answer of ours) runs SIP.js's first step. */
  private offering = false;

  override getDescription(
    options?: Options,
    modifiers?: SessionDescriptionHandlerModifier[],
  ): ReturnType<Web.SessionDescriptionHandler['getDescription']> {
    // SIP.js opens the microphone from setDescription too (a far end's offer, before our answer):
    // only an offer of ours may go ahead without the track (getLocalMediaStream runs synchronously here).
    this.offering = true;
    let description: ReturnType<Web.SessionDescriptionHandler['getDescription']>;
    try {
      description = super.getDescription(options, modifiers);
    } finally {
      this.offering = false;
    }
    const opening = this.opening;
    this.opening = undefined;
    if (!opening) return description;
    return Promise.all([description, opening]).then(([body]) => body);
  }

  protected override getLocalMediaStream(options?: Options): Promise<void> {
    const pc = this._peerConnection;
    const constraints = { ...options?.constraints };
    const internals = this as unknown as Internals;
    const firstAudioOffer =
      this.offering &&
      pc !== undefined &&
      pc.signalingState === 'stable' &&
      internals.localMediaStreamConstraints === undefined &&
      pc.remoteDescription === null &&
      pc.getTransceivers().length === 0 &&
      !constraints.video &&
      constraints.audio !== false;
    if (!firstAudioOffer) return super.getLocalMediaStream(options);
    constraints.audio ??= true;
    // Later offers (hold, resume) compare against these, as after SIP.js's own first step.
    internals.localMediaStreamConstraints = constraints;
    const { sender } = pc.addTransceiver('audio', { direction: 'sendrecv', streams: [this._localMediaStream] });
    const opening = this.mediaStreamFactory(constraints, this, options).then((stream) => this.takeMicrophone(stream, sender));
    // Reported by getDescription; never left unhandled when the offer failed first.
    opening.catch(() => undefined);
    this.opening = opening;
    return Promise.resolve();
  }

  private async takeMicrophone(stream: MediaStream, sender: RTCRtpSender): Promise<void> {
    const [track, ...others] = stream.getAudioTracks();
    for (const other of [...others, ...stream.getVideoTracks()]) other.stop();
    if (!track) throw new Error('The microphone gave no audio track.');
    if (this._peerConnection === undefined) {
      track.stop();
      throw new Error('Peer connection closed.');
    }
    await sender.replaceTrack(track);
    this._localMediaStream.addTrack(track);
    this._localMediaStream.dispatchEvent(new MediaStreamTrackEvent('addtrack', { track }));
    // Closed while the track was being put on (close() stops only the senders' tracks it finds then).
    if (this._peerConnection === undefined) track.stop();
  }
}

/** SIP.js's default factory (its ICE gathering timeout and peer connection defaults), making EarlyOfferHandlers. */
export function earlyOfferHandlerFactory(mediaStreamFactory: Web.MediaStreamFactory): Web.SessionDescriptionHandlerFactory {
  return (session, options?: Web.SessionDescriptionHandlerFactoryOptions) =>
    new EarlyOfferHandler(session.userAgent.getLogger('sip.SessionDescriptionHandler'), mediaStreamFactory, {
      iceGatheringTimeout: options?.iceGatheringTimeout ?? 5000,
      peerConnectionConfiguration: { ...Web.defaultPeerConnectionConfiguration(), ...options?.peerConnectionConfiguration },
    });
}
