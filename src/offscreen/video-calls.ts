// Video in a call. SIP.js gets the camera with the call's constraints and then
// never lets go: it ignores constraint "downgrades" and would keep the camera
// (and its light) on for the whole call. So the camera is ours to switch, on
// the call's video transceiver:
//
//   audio call (no m=video) ── stays audio (video is chosen when calling or answering)
//   video call: camera on ──off──▶ camera off ──on──▶ camera on
//     off: the camera track stopped (light off), the sender left without a track,
//          the video offered recvonly by a re-INVITE (the far end sees it)
//     on:  a new camera track, the video offered sendrecv by a re-INVITE
//     next: the next camera of the machine replaces the track (no re-INVITE)
//
// What the snapshot says (CallVideo) is read from the transceiver after every
// offer/answer (signalling back to stable) and every new remote track. The
// phone document keeps all media: a visible extension page shows a call's
// video by attaching the streams this module hands out (showVideo.ts in the
// page reaches this document's window through chrome.extension.getViews()).
import type { Session, Web } from 'sip.js';
import type { CallVideo } from '../shared/snapshot';
import { ClickDialError } from '../shared/protocol';
import { words } from '../shared/words';

type Sdh = Web.SessionDescriptionHandler;

/** Whether an SDP carries a video stream that is not refused (port 0). */
export function sdpHasVideo(sdp: string): boolean {
  return /^m=video [1-9]/m.test(sdp);
}

function sdhOf(session: Session): Sdh | undefined {
  return session.sessionDescriptionHandler as Sdh | undefined;
}

function videoTransceiver(pc: RTCPeerConnection): RTCRtpTransceiver | undefined {
  return pc.getTransceivers().find((t) => t.receiver.track.kind === 'video' && t.currentDirection !== 'stopped');
}

/** The call's video as negotiated, or undefined for an audio call. */
export function readVideo(pc: RTCPeerConnection): CallVideo | undefined {
  const transceiver = videoTransceiver(pc);
  if (!transceiver || transceiver.mid === null) return undefined;
  const track = transceiver.sender.track;
  const direction = transceiver.currentDirection ?? transceiver.direction;
  return {
    camera: track !== null && track.readyState === 'live' && track.enabled && (direction === 'sendrecv' || direction === 'sendonly'),
    remote: direction === 'sendrecv' || direction === 'recvonly',
  };
}

/**
 * Calls `changed` with the call's video after every offer/answer and remote
 * track. A far end that refused video (m=video 0) makes it an audio call: the
 * camera SIP.js opened for the offer is let go.
 */
export function watchVideo(sdh: Sdh, changed: (video: CallVideo | undefined) => void): void {
  const pc = sdh.peerConnection;
  if (!pc) return;
  let last = '';
  const check = (): void => {
    if (pc.signalingState !== 'stable') return;
    const video = readVideo(pc);
    if (!video) {
      for (const track of sdh.localMediaStream.getVideoTracks()) {
        track.stop();
        sdh.localMediaStream.removeTrack(track);
      }
    }
    const key = JSON.stringify(video ?? null);
    if (key === last) return;
    last = key;
    changed(video);
  };
  pc.addEventListener('signalingstatechange', check);
  pc.addEventListener('track', check);
}

/**
 * The camera must have been allowed in the onboarding tab: the phone document
 * cannot ask, and SIP.js would fail the whole call (or reject an incoming one)
 * when getUserMedia is refused. Looked at before a video call or answer.
 */
export async function requireCamera(): Promise<void> {
  let state: PermissionState | 'unknown' = 'unknown';
  try {
    state = (await navigator.permissions.query({ name: 'camera' })).state;
  } catch {
    // Not answerable here: getUserMedia says.
  }
  if (state === 'denied') throw new ClickDialError(words('camera_blocked_call'), 'no-camera');
  if (state === 'prompt') throw new ClickDialError(words('camera_needed_call'), 'no-camera');
}

/** The camera constraints for a call: the camera given, else the default one. */
function cameraConstraints(deviceId?: string): MediaStreamConstraints {
  return { audio: false, video: deviceId ? { deviceId: { exact: deviceId } } : true };
}

async function cameras(): Promise<MediaDeviceInfo[]> {
  return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
}

async function openCamera(deviceId?: string): Promise<MediaStreamTrack> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia(cameraConstraints(deviceId));
    const [track] = stream.getVideoTracks();
    if (!track) throw new Error('no video track');
    return track;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'NotAllowedError') throw new ClickDialError(words('camera_not_allowed'), 'no-camera');
    if (name === 'NotFoundError') throw new ClickDialError(words('camera_not_found'), 'no-camera');
    throw new ClickDialError(words('camera_failed', { detail: error instanceof Error ? error.message : String(error) }), 'failed');
  }
}

/** Swaps the track we send (and the one SIP.js shows as our local stream), stopping the old one. */
async function sendTrack(sdh: Sdh, transceiver: RTCRtpTransceiver, track: MediaStreamTrack | null): Promise<void> {
  const old = transceiver.sender.track;
  await transceiver.sender.replaceTrack(track);
  const local = sdh.localMediaStream;
  for (const t of local.getVideoTracks()) local.removeTrack(t);
  if (track) local.addTrack(track);
  if (old && old !== track) old.stop();
}

/** Turns a video call's camera on or off (re-INVITE), or moves it to the next camera. */
export async function setCamera(session: Session, camera: 'on' | 'off' | 'next'): Promise<void> {
  const sdh = sdhOf(session);
  const pc = sdh?.peerConnection;
  const transceiver = pc && videoTransceiver(pc);
  if (!sdh || !transceiver) throw new ClickDialError(words('call_no_video'), 'invalid');
  if (camera === 'next') {
    const list = await cameras();
    const current = transceiver.sender.track?.getSettings().deviceId;
    const at = list.findIndex((d) => d.deviceId === current);
    const next = list[(at + 1) % Math.max(1, list.length)];
    if (!next || list.length < 2) throw new ClickDialError(words('camera_single'), 'invalid');
    if (transceiver.sender.track === null) return; // off: the next "on" opens the default camera
    await sendTrack(sdh, transceiver, await openCamera(next.deviceId));
    return;
  }
  const on = camera === 'on';
  if (on) await requireCamera();
  await sendTrack(sdh, transceiver, on ? await openCamera() : null);
  transceiver.direction = on ? 'sendrecv' : 'recvonly';
  await session.invite();
}

/** The streams a page shows for a call: what we send and what the far end sends. */
export function callStreams(session: Session | undefined): { local: MediaStream; remote: MediaStream } | undefined {
  const sdh = session && sdhOf(session);
  if (!sdh?.peerConnection) return undefined;
  return { local: sdh.localMediaStream, remote: sdh.remoteMediaStream };
}
