// Entry of the offscreen document: the phone lives here for as long as the
// extension runs; the service worker may come and go around it.
import browser from 'webextension-polyfill';
import { dispatch, serve, type Handlers } from '../shared/messenger';
import { ClickDialError, type EventEnvelope, type PhoneType } from '../shared/protocol';
import type { EndedCall, PhoneSnapshot } from '../shared/snapshot';
import { isAccountShape, requireString } from '../shared/payload';
import { validateAccount } from '../shared/account';
import { Phone } from './phone';

function publish(snapshot: PhoneSnapshot): void {
  const event: EventEnvelope<'phone.snapshot'> = { target: 'subscribers', type: 'phone.snapshot', payload: snapshot };
  // Nobody listening (popup closed, worker asleep) is normal, not an error.
  browser.runtime.sendMessage(event).catch(() => undefined);
}

function publishEnded(ended: EndedCall): void {
  const event: EventEnvelope<'phone.callEnded'> = { target: 'subscribers', type: 'phone.callEnded', payload: ended };
  browser.runtime.sendMessage(event).catch(() => undefined);
}

const phone = new Phone(publish, publishEnded);
void phone.refreshMicrophone();

const handlers: Handlers<PhoneType> = {
  'phone.getSnapshot': () => phone.snapshot(),
  'phone.refreshMicrophone': () => phone.refreshMicrophone(),
  'phone.configure': ({ account, wantsOnline }) => {
    if (account !== null && (!isAccountShape(account) || Object.keys(validateAccount(account)).length > 0)) {
      throw new ClickDialError('The saved account is not valid; open the options to fix it.', 'invalid');
    }
    return phone.configure(account, wantsOnline === true);
  },
  'phone.call': ({ target }) => phone.call(requireString(target, 'target')),
  'phone.answer': ({ callId }) => phone.answer(requireString(callId, 'callId')).then(() => null),
  'phone.decline': ({ callId }) => phone.decline(requireString(callId, 'callId')).then(() => null),
  'phone.hangup': ({ callId }) => phone.hangup(requireString(callId, 'callId')).then(() => null),
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
