import browser from 'webextension-polyfill';
import { request } from './messenger';

/** What pages can ask of the phone; components receive this as `actions`. */
export interface PhoneActions {
  call(target: string): Promise<unknown>;
  answer(callId: string): Promise<unknown>;
  decline(callId: string): Promise<unknown>;
  hangup(callId: string): Promise<unknown>;
  setOnline(online: boolean): Promise<unknown>;
  openOptions(): Promise<unknown>;
  openMicrophoneSetup(): Promise<unknown>;
}

export function createPhoneActions(): PhoneActions {
  return {
    call: (target) => request('phone.call', { target }),
    answer: (callId) => request('phone.answer', { callId }),
    decline: (callId) => request('phone.decline', { callId }),
    hangup: (callId) => request('phone.hangup', { callId }),
    setOnline: (online) => request('account.setOnline', { online }),
    openOptions: () => browser.runtime.openOptionsPage(),
    openMicrophoneSetup: () => request('microphone.openOnboarding', {}),
  };
}
