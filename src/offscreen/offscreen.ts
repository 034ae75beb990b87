// Entry of the offscreen document: the phone lives here for as long as the
// extension runs; the service worker may come and go around it.
import browser from 'webextension-polyfill';
import { dispatch, serve, type Handlers } from '../shared/messenger';
import { ClickDialError, type EventEnvelope, type PhoneType } from '../shared/protocol';
import type { EndedCall, PhoneSnapshot, ReceivedMessage } from '../shared/snapshot';
import { isAccountShape, requireBoolean, requireString } from '../shared/payload';
import { validateAccount } from '../shared/account';
import { Phone } from './phone';
import { Ringer } from './ringer';

const ringer = new Ringer();

function publish(snapshot: PhoneSnapshot): void {
  ringer.update(snapshot);
  const event: EventEnvelope<'phone.snapshot'> = { target: 'subscribers', type: 'phone.snapshot', payload: snapshot };
  // Nobody listening (popup closed, worker asleep) is normal, not an error.
  browser.runtime.sendMessage(event).catch(() => undefined);
}

function publishEnded(ended: EndedCall): void {
  const event: EventEnvelope<'phone.callEnded'> = { target: 'subscribers', type: 'phone.callEnded', payload: ended };
  browser.runtime.sendMessage(event).catch(() => undefined);
}

function publishMessage(message: ReceivedMessage): void {
  const event: EventEnvelope<'phone.messageReceived'> = { target: 'subscribers', type: 'phone.messageReceived', payload: message };
  browser.runtime.sendMessage(event).catch(() => undefined);
}

const phone = new Phone(publish, publishEnded, publishMessage);
void phone.refreshMicrophone();

const handlers: Handlers<PhoneType> = {
  'phone.getSnapshot': () => phone.snapshot(),
  'phone.refreshMicrophone': () => phone.refreshMicrophone(),
  'phone.configure': ({ account, wantsOnline, settings }) => {
    if (account !== null && (!isAccountShape(account) || Object.keys(validateAccount(account)).length > 0)) {
      throw new ClickDialError('The saved account is not valid; open the options to fix it.', 'invalid');
    }
    return phone.configure(account, wantsOnline === true, settings);
  },
  'phone.call': ({ target }) => phone.call(requireString(target, 'target')),
  'phone.answer': ({ callId }) => phone.answer(requireString(callId, 'callId')).then(() => null),
  'phone.decline': ({ callId }) => phone.decline(requireString(callId, 'callId')).then(() => null),
  'phone.hangup': ({ callId }) => phone.hangup(requireString(callId, 'callId')).then(() => null),
  'phone.setMuted': ({ callId, muted }) => {
    phone.setMuted(requireString(callId, 'callId'), requireBoolean(muted, 'muted'));
    return null;
  },
  'phone.hold': ({ callId, hold }) => phone.controls.setHold(requireString(callId, 'callId'), requireBoolean(hold, 'hold')).then(() => null),
  'phone.switchTo': ({ callId }) => phone.controls.switchTo(requireString(callId, 'callId')).then(() => null),
  'phone.sendDtmf': ({ callId, tones }) => phone.controls.sendDtmf(requireString(callId, 'callId'), requireString(tones, 'tones', 32)).then(() => null),
  'phone.transfer': ({ callId, target }) => phone.controls.transfer(requireString(callId, 'callId'), requireString(target, 'target')).then(() => null),
  'phone.consult': ({ callId, target }) => phone.controls.consult(requireString(callId, 'callId'), requireString(target, 'target')),
  'phone.completeTransfer': ({ callId }) => phone.controls.completeTransfer(requireString(callId, 'callId')).then(() => null),
  'phone.cancelTransfer': ({ callId }) => phone.controls.cancelTransfer(requireString(callId, 'callId')).then(() => null),
  'phone.sendMessage': ({ target, body }) => phone.sendMessage(requireString(target, 'target'), requireString(body, 'body', 4000)),
};

// Only the service worker talks to the phone: pages go through its router,
// which checks who is asking. (runtime.getManifest is not available in an
// offscreen document, so the worker is recognised as this extension's one
// sender that is a script, not an .html page.)
function fromServiceWorker(sender: browser.Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL(''))) return false;
  return sender.tab === undefined && !new URL(sender.url).pathname.endsWith('.html');
}

serve('offscreen', (envelope, sender) => {
  if (!fromServiceWorker(sender)) {
    return Promise.reject(new ClickDialError('Only the ClickDial service worker may talk to the phone.', 'forbidden'));
  }
  return dispatch(handlers, envelope, sender);
});
