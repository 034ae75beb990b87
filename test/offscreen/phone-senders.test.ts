import { describe, expect, it } from 'vitest';
import { fromServiceWorker, mayAskPhone } from '../../src/offscreen/phone-senders';

const extension = { id: 'ours', base: 'chrome-extension://ours/' };
const worker = { id: 'ours', url: 'chrome-extension://ours/service-worker-loader.js' };
const popup = { id: 'ours', url: 'chrome-extension://ours/src/popup/popup.html' };
const optionsTab = { id: 'ours', url: 'chrome-extension://ours/src/options/options.html', tab: { id: 3 } };
// A content script's messages carry our id, and the web page's URL and tab.
const contentScript = { id: 'ours', url: 'https://evil.example/page.html', tab: { id: 7 } };
const contentScriptLookalike = { id: 'ours', url: 'https://evil.example/service-worker-loader.js', tab: { id: 7 } };
const otherExtension = { id: 'theirs', url: 'chrome-extension://theirs/src/popup/popup.html' };

describe('who may ask the phone what', () => {
  it('the service worker may ask anything', () => {
    expect(fromServiceWorker(worker, extension)).toBe(true);
    for (const type of ['phone.call', 'phone.configure', 'phone.getSnapshot', 'phone.sendMessage']) {
      expect(mayAskPhone(type, worker, extension)).toBe(true);
    }
  });

  it("our extension pages may read the phone's state directly, and do nothing else", () => {
    for (const page of [popup, optionsTab]) {
      expect(fromServiceWorker(page, extension)).toBe(false);
      expect(mayAskPhone('phone.getSnapshot', page, extension)).toBe(true);
      for (const type of ['phone.call', 'phone.answer', 'phone.hangup', 'phone.configure'])
        expect(mayAskPhone(type, page, extension)).toBe(false);
    }
  });

  it('content scripts and other extensions may ask nothing, not even a read', () => {
    for (const sender of [contentScript, contentScriptLookalike, otherExtension, {}]) {
      expect(fromServiceWorker(sender, extension)).toBe(false);
      for (const type of ['phone.getSnapshot', 'phone.call']) expect(mayAskPhone(type, sender, extension)).toBe(false);
    }
  });
});
