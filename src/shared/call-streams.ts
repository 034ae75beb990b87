// How a visible extension page shows a call's video while every MediaStream
// stays in the phone document (the peer connection lives there, and a page
// can close at any time without touching the call). The phone document puts
// one lookup on its window; pages reach that window (phone-window.ts) and
// attach the streams to their own <video> elements.
import { fromPhoneWindow } from './phone-window';

/** The property of the phone document's window that holds the lookup. */
export const CALL_STREAMS_KEY = 'clickDialCallStreams';

export interface CallStreams {
  /** What we send (the camera), for the preview. */
  local: MediaStream;
  /** What the far end sends. */
  remote: MediaStream;
}

export type CallStreamsLookup = (callId: string) => CallStreams | undefined;

/** The call's streams, from the phone document; undefined while it has none (or no phone is open). */
export function findCallStreams(callId: string): CallStreams | undefined {
  const lookup = fromPhoneWindow(CALL_STREAMS_KEY);
  return typeof lookup === 'function' ? (lookup as CallStreamsLookup)(callId) : undefined;
}
