import { request } from '../shared/messenger';

/** The popup's "Pop out": the service worker opens the call window (background/call-window.ts), then the popup closes. */
export async function popOutToCallWindow(): Promise<void> {
  await request('callWindow.open', {});
  window.close();
}
