import browser from 'webextension-polyfill';
import { request } from './messenger';
import type { AnswerOthers } from './protocol';

/** What pages can ask of the phone; components receive this as `actions`. */
export interface PhoneActions {
  /** From that account, else the default one. */
  call(target: string, accountId?: string, video?: boolean): Promise<unknown>;
  /** The call in progress goes on hold first (the default), or is hung up ('end'); video: with the camera on. */
  answer(callId: string, how?: { others?: AnswerOthers; video?: boolean }): Promise<unknown>;
  /** A video call's camera: on, off, or the next camera. */
  setCamera(callId: string, camera: 'on' | 'off' | 'next'): Promise<unknown>;
  decline(callId: string): Promise<unknown>;
  hangup(callId: string): Promise<unknown>;
  /** The user's intent for that account, else the default one. */
  setOnline(online: boolean, accountId?: string): Promise<unknown>;
  /** "Retry now": that account (else every failing one) tries to register again at once. */
  retry(accountId?: string): Promise<unknown>;
  openOptions(): Promise<unknown>;
  openMicrophoneSetup(): Promise<unknown>;
  openCameraSetup(): Promise<unknown>;
  /** The first-run setup (account, microphone, click-to-call, a test call). */
  openSetup(): Promise<unknown>;
  setMuted(callId: string, muted: boolean): Promise<unknown>;
  hold(callId: string, hold: boolean): Promise<unknown>;
  /** Makes this call the one off hold. */
  switchTo(callId: string): Promise<unknown>;
  sendDtmf(callId: string, tones: string): Promise<unknown>;
  transfer(callId: string, target: string): Promise<unknown>;
  consult(callId: string, target: string): Promise<unknown>;
  completeTransfer(consultCallId: string): Promise<unknown>;
  cancelTransfer(consultCallId: string): Promise<unknown>;
  sendMessage(target: string, body: string, accountId?: string): Promise<{ contact: string }>;
  markRead(contact: string): Promise<unknown>;
  clearHistory(): Promise<unknown>;
}

export function createPhoneActions(): PhoneActions {
  return {
    call: (target, accountId, video) =>
      request('phone.call', { target, ...(accountId !== undefined ? { accountId } : {}), ...(video ? { video } : {}) }),
    answer: (callId, how = {}) =>
      request('phone.answer', {
        callId,
        ...(how.others !== undefined ? { others: how.others } : {}),
        ...(how.video ? { video: true } : {}),
      }),
    setCamera: (callId, camera) => request('phone.setCamera', { callId, camera }),
    decline: (callId) => request('phone.decline', { callId }),
    hangup: (callId) => request('phone.hangup', { callId }),
    setOnline: (online, accountId) => request('account.setOnline', { online, ...(accountId !== undefined ? { id: accountId } : {}) }),
    retry: (accountId) => request('phone.retry', accountId !== undefined ? { accountId } : {}),
    openOptions: () => browser.runtime.openOptionsPage(),
    openMicrophoneSetup: () => request('microphone.openOnboarding', {}),
    openCameraSetup: () => request('camera.openOnboarding', {}),
    openSetup: () => request('setup.open', {}),
    setMuted: (callId, muted) => request('phone.setMuted', { callId, muted }),
    hold: (callId, hold) => request('phone.hold', { callId, hold }),
    switchTo: (callId) => request('phone.switchTo', { callId }),
    sendDtmf: (callId, tones) => request('phone.sendDtmf', { callId, tones }),
    transfer: (callId, target) => request('phone.transfer', { callId, target }),
    consult: (callId, target) => request('phone.consult', { callId, target }),
    completeTransfer: (callId) => request('phone.completeTransfer', { callId }),
    cancelTransfer: (callId) => request('phone.cancelTransfer', { callId }),
    sendMessage: (target, body, accountId) => request('messages.send', { target, body, ...(accountId !== undefined ? { accountId } : {}) }),
    markRead: (contact) => request('messages.markRead', { contact }),
    clearHistory: () => request('history.clear', {}),
  };
}
