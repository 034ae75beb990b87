// The phone document's window, as this extension's pages reach it:
// chrome.extension.getViews() lists the offscreen document among the views
// of this extension's process. Two things are read there, synchronously, and
// neither is sent: a call's media streams (call-streams.ts: a MediaStream
// cannot be sent), and the phone's current snapshot, for a page's first paint
// (issue 12: the popup shows the current state within 100 ms of opening; a
// message to the phone and back took 9 ms of that). Everything else, the
// snapshots that follow among it, goes over runtime messaging. Web pages and
// content scripts cannot reach it: getViews() exists in extension pages only.
import type { PhoneSnapshot } from './snapshot';

/** The property of the phone document's window that gives its current snapshot, as JSON. */
export const PHONE_SNAPSHOT_KEY = 'clickDialSnapshot';

/** A property of the phone document's window; undefined when no phone document is open here. */
export function fromPhoneWindow(key: string): unknown {
  const views = globalThis.chrome?.extension?.getViews?.() ?? [];
  for (const view of views) {
    try {
      const value = (view as unknown as Record<string, unknown>)[key];
      if (value !== undefined) return value;
    } catch {
      // A view that is closing.
    }
  }
  return undefined;
}

/** The phone's current snapshot, when its document is open in this process. */
export function snapshotFromPhoneWindow(): PhoneSnapshot | undefined {
  const read = fromPhoneWindow(PHONE_SNAPSHOT_KEY);
  if (typeof read !== 'function') return undefined;
  try {
    // As JSON: objects of this page's own realm, as a message would give.
    const json = (read as () => unknown)();
    return typeof json === 'string' ? (JSON.parse(json) as PhoneSnapshot) : undefined;
  } catch {
    return undefined;
  }
}
