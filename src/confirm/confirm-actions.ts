// What the confirmation window does, apart from showing: place the call
// (through the service worker, like every ClickDial page), remember "call
// this site's numbers at once", and close itself.
import { loadClickToCallSettings, saveClickToCallSettings } from '../shared/click-to-call-store';
import { setCallAtOnce } from '../shared/click-to-call-settings';
import { request } from '../shared/messenger';

export interface ConfirmActions {
  /** On that account, else the default one. */
  call(dial: string, accountId?: string): Promise<unknown>;
  callAtOnceFrom(site: string): Promise<void>;
  close(): void;
}

export function confirmActions(): ConfirmActions {
  return {
    call: (dial, accountId) => request('phone.call', { target: dial, ...(accountId !== undefined ? { accountId } : {}) }),
    async callAtOnceFrom(site) {
      await saveClickToCallSettings(setCallAtOnce(await loadClickToCallSettings(), site, true));
    },
    close: () => window.close(),
  };
}
