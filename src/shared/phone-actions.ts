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
  setMuted(callId: string, muted: boolean): Promise<unknown>;
  hold(callId: string, hold: boolean): Promise<unknown>;
  /** Makes this call the one off hold. */
  switchTo(callId: string): Promise<unknown>;
  sendDtmf(callId: string, tones: string): Promise<unknown>;
  transfer(callId: string, target: string): Promise<unknown>;
  consult(callId: string, target: string): Promise<unknown>;
  completeTransfer(consultCallId: string): Promise<unknown>;
  cancelTransfer(consultCallId: string): Promise<unknown>;
  sendMessage(target: string, body: string): Promise<{ contact: string }>;
  markRead(contact: string): Promise<unknown>;
  clearHistory(): Promise<unknown>;
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
    setMuted: (callId, muted) => request('phone.setMuted', { callId, muted }),
    hold: (callId, hold) => request('phone.hold', { callId, hold }),
    switchTo: (callId) => request('phone.switchTo', { callId }),
    sendDtmf: (callId, tones) => request('phone.sendDtmf', { callId, tones }),
    transfer: (callId, target) => request('phone.transfer', { callId, target }),
    consult: (callId, target) => request('phone.consult', { callId, target }),
    completeTransfer: (callId) => request('phone.completeTransfer', { callId }),
    cancelTransfer: (callId) => request('phone.cancelTransfer', { callId }),
    sendMessage: (target, body) => request('messages.send', { target, body }),
    markRead: (contact) => request('messages.markRead', { contact }),
    clearHistory: () => request('history.clear', {}),
  };
}
