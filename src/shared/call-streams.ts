// How a visible extension page shows a call's video while every MediaStream
// stays in the phone document (the peer connection lives there, and a page
// can close at any time without touching the call). The phone document puts
// one lookup on its window; pages of the same extension reach that window
// through chrome.extension.getViews() (the offscreen document is one of the
// views) and attach the streams to their own <video> elements. Web pages and
// content scripts cannot reach it: getViews() exists in extension pages only.

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
  for (const view of chrome.extension.getViews()) {
    try {
      const lookup = (view as unknown as Record<string, unknown>)[CALL_STREAMS_KEY];
      if (typeof lookup === 'function') return (lookup as CallStreamsLookup)(callId);
    } catch {
      // A view that is closing.
    }
  }
  return undefined;
}
