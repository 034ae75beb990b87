// Opens a call's microphone (and camera) as soon as the call is asked for,
// not when SIP.js gets to it. Opening it is the longest step before an
// INVITE can go (measured: 22 to 35 ms of round trips to the browser and its
// audio service), and SIP.js only asks once it made the call's session and
// peer connection: asked first, the device opens while those are made.
// Opened per call, never held between calls: a call that ends before SIP.js
// asks (refused, no room, no account) stops what was opened.
//
//   idle ──open(constraints): the user asked for a call──▶ opening
//   opening ──SIP.js asks with the same constraints──▶ idle (the stream is the call's)
//   opening ──release(): the call got through or failed──▶ idle (tracks stopped unless taken)
//   opening ──open() for another call──▶ opening (what waited is stopped; the call whose SIP.js asks first takes the new stream, the other call's opens its own)
//   SIP.js asks with other constraints, or nothing waits ──▶ getUserMedia as SIP.js would
//
// An audio call's microphone that the browser cannot open (busy, unplugged:
// the permission was checked before) is said in words, not as the browser's
// "Could not start audio source".
import type { Web } from 'sip.js';
import { ClickDialError } from '../shared/protocol';
import { words } from '../shared/words';

type MediaStreamFactory = Web.MediaStreamFactory;

interface Waiting {
  key: string;
  stream: Promise<MediaStream>;
}

/** getUserMedia's names for a device that is there to ask for but cannot be opened, or is gone. */
const UNAVAILABLE = new Set<unknown>(['NotReadableError', 'NotFoundError', 'AbortError', 'OverconstrainedError']);

function microphoneUnavailable(cause: unknown): ClickDialError {
  const error = new ClickDialError(words('microphone_unavailable'), 'no-microphone');
  error.cause = cause;
  return error;
}

const keyOf = (constraints: MediaStreamConstraints): string => JSON.stringify({ audio: constraints.audio, video: constraints.video });

function stopAll(stream: Promise<MediaStream>): void {
  stream.then(
    (s) => s.getTracks().forEach((t) => t.stop()),
    () => undefined,
  );
}

export class EarlyMicrophone {
  private waiting: Waiting | undefined;

  constructor(private readonly getUserMedia: (constraints: MediaStreamConstraints) => Promise<MediaStream>) {}

  /** Starts opening the devices the call will ask for. */
  open(constraints: MediaStreamConstraints): void {
    this.release();
    const stream = this.openDevices(constraints);
    // A refusal is SIP.js's to report when it asks; none is left unhandled.
    stream.catch(() => undefined);
    this.waiting = { key: keyOf(constraints), stream };
  }

  /** Stops what was opened and not taken. */
  release(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) stopAll(waiting.stream);
  }

  /** SIP.js's media stream factory: what was opened early, when it is what SIP.js asks for. */
  readonly mediaStreamFactory: MediaStreamFactory = (constraints) => {
    const waiting = this.waiting;
    if (waiting?.key === keyOf(constraints)) {
      this.waiting = undefined;
      // Its refusal is the browser's answer for this call (the permission was checked meanwhile).
      return waiting.stream;
    }
    return this.openNow(constraints);
  };

  /** As SIP.js's own factory: nothing to open is an empty stream. */
  private openNow(constraints: MediaStreamConstraints): Promise<MediaStream> {
    if (!constraints.audio && !constraints.video) return Promise.resolve(new MediaStream());
    return this.openDevices(constraints);
  }

  private openDevices(constraints: MediaStreamConstraints): Promise<MediaStream> {
    return this.getUserMedia(constraints).catch((error: unknown) => {
      throw constraints.video || !UNAVAILABLE.has((error as { name?: unknown } | null)?.name) ? error : microphoneUnavailable(error);
    });
  }
}
