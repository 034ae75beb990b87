// Entry of the offscreen document: the phone lives here for as long as the
// extension runs; the service worker may come and go around it.
import browser from 'webextension-polyfill';
import { dispatch, request, serve, type Handlers } from '../shared/messenger';
import { ClickDialError, type AnswerOthers, type EventEnvelope, type PhoneType, type SubscriberEvents } from '../shared/protocol';
import type { PhoneSnapshot } from '../shared/snapshot';
import { optionalBoolean, optionalString, requireBoolean, requireOneOf, requireString } from '../shared/payload';
import { parsePhoneConfig } from '../shared/phone-config';
import type { CallCommand } from '../shared/call-table';
import { EarlyMicrophone } from './early-microphone';
import { Phone } from './phone';
import { mayAskPhone } from './phone-senders';
import { Ringer } from './ringer';
import { WorkerLink } from './worker-link';
import { parseLostCalls } from '../shared/live-calls';
import { CALL_STREAMS_KEY, type CallStreamsLookup } from '../shared/call-streams';
import { PHONE_SNAPSHOT_KEY } from '../shared/phone-window';

const ringer = new Ringer();
// Opened first: the worker learns at once if this document goes away.
const link = new WorkerLink();

/** Pushes an event to every subscriber; nobody listening (popup closed, worker asleep) is normal. */
function emit<T extends keyof SubscriberEvents>(type: T, payload: SubscriberEvents[T]): void {
  const event: EventEnvelope<T> = { target: 'subscribers', type, payload };
  browser.runtime.sendMessage(event).catch(() => undefined);
}

function publish(snapshot: PhoneSnapshot): void {
  ringer.update(snapshot);
  emit('phone.snapshot', snapshot);
  link.liveCalls(phone.liveCalls(snapshot.calls));
}

const phone = new Phone(
  publish,
  (ended) => emit('phone.callEnded', ended),
  (message) => emit('phone.messageReceived', message),
  { microphone: new EarlyMicrophone((constraints) => navigator.mediaDevices.getUserMedia(constraints)) },
);
void phone.refreshMicrophone();
// Back on the network (Wi-Fi rejoined, cable back): reconnect now, not at the next retry.
window.addEventListener('online', () => phone.networkBack());

// Pages show a call's video from here (shared/call-streams.ts): the streams never leave this document.
const lookup: CallStreamsLookup = (callId) => (typeof callId === 'string' ? phone.streams(callId) : undefined);
Object.defineProperty(window, CALL_STREAMS_KEY, { value: lookup });
// Pages' first paint reads the current state from here (shared/phone-window.ts).
Object.defineProperty(window, PHONE_SNAPSHOT_KEY, { value: () => JSON.stringify(phone.snapshot()) });

/** As allow(), and waits for a lost connection to come back (in-dialog requests need it). */
function ready(callId: unknown, command: CallCommand): Promise<string> {
  return phone.ready(requireString(callId, 'callId'), command);
}

/** The call, checked against the transition table: a command it does not allow is refused in words. */
function allow(callId: unknown, command: CallCommand): string {
  return phone.allow(requireString(callId, 'callId'), command);
}

/** What answering does to the call in progress: 'hold' unless the request says 'end'. */
function answerOthers(value: unknown): AnswerOthers {
  if (value === undefined || value === 'hold' || value === 'end') return value ?? 'hold';
  throw new ClickDialError('Malformed message: "others" must be "hold" or "end".', 'bad-message');
}

const handlers: Handlers<PhoneType> = {
  'phone.getSnapshot': () => phone.snapshot(),
  'phone.refreshMicrophone': () => phone.refreshMicrophone(),
  'phone.retry': ({ accountId }) => phone.retry(optionalString(accountId, 'accountId')),
  'phone.configure': (config) => {
    const { accounts, defaultId } = parsePhoneConfig(config);
    return phone.configure(accounts, defaultId, config.settings);
  },
  'phone.call': ({ target, accountId, video }) =>
    phone.call(requireString(target, 'target'), optionalString(accountId, 'accountId'), optionalBoolean(video, 'video')),
  'phone.answer': ({ callId, others, video }) =>
    phone.answer(allow(callId, 'answer'), answerOthers(others), optionalBoolean(video, 'video')).then(() => null),
  'phone.setCamera': ({ callId, camera }) => {
    const wanted = requireOneOf(camera, 'camera', ['on', 'off', 'next'] as const);
    return ready(callId, 'camera').then((id) => phone.setCamera(id, wanted).then(() => null));
  },
  'phone.decline': ({ callId }) => phone.decline(allow(callId, 'decline')).then(() => null),
  'phone.hangup': ({ callId }) => phone.hangup(allow(callId, 'hangup')).then(() => null),
  'phone.setMuted': ({ callId, muted }) => {
    phone.setMuted(allow(callId, 'mute'), requireBoolean(muted, 'muted'));
    return null;
  },
  'phone.hold': ({ callId, hold }) => {
    const on = requireBoolean(hold, 'hold');
    return ready(callId, on ? 'hold' : 'resume').then((id) => phone.controls.setHold(id, on).then(() => null));
  },
  'phone.switchTo': ({ callId }) => ready(callId, 'switchTo').then((id) => phone.controls.switchTo(id).then(() => null)),
  'phone.sendDtmf': ({ callId, tones }) => {
    const digits = requireString(tones, 'tones', 32);
    return ready(callId, 'dtmf').then((id) => phone.controls.sendDtmf(id, digits).then(() => null));
  },
  'phone.transfer': ({ callId, target }) => {
    const to = requireString(target, 'target');
    return ready(callId, 'transfer').then((id) => phone.controls.transfer(id, to).then(() => null));
  },
  'phone.consult': ({ callId, target }) => {
    const to = requireString(target, 'target');
    return ready(callId, 'consult').then((id) => phone.controls.consult(id, to));
  },
  'phone.completeTransfer': ({ callId }) =>
    ready(callId, 'completeTransfer').then((id) => phone.controls.completeTransfer(id).then(() => null)),
  'phone.cancelTransfer': ({ callId }) => ready(callId, 'cancelTransfer').then((id) => phone.controls.cancelTransfer(id).then(() => null)),
  'phone.sendMessage': ({ target, body, accountId }) =>
    phone.sendMessage(requireString(target, 'target'), requireString(body, 'body', 4000), optionalString(accountId, 'accountId')),
};

// Start-up: listen first, then pull the configuration from the router (its
// request tells the router the phone is up). Requests that come meanwhile wait
// until the phone has its configuration, so none finds an unconfigured phone.
//
//   loading ──listening──▶ asking ──config──▶ configuring ──▶ serving
//                            └─ the router cannot be reached ─▶ serving (unconfigured; a saved change configures it)
let started: Promise<unknown> = Promise.resolve();

serve('phone', (envelope, sender) => {
  if (!mayAskPhone(envelope.type, sender, { id: browser.runtime.id, base: browser.runtime.getURL('') })) {
    return Promise.reject(new ClickDialError('Only the ClickDial service worker may talk to the phone.', 'forbidden'));
  }
  return started.then(() => dispatch(handlers, envelope, sender));
});

started = request('router.phoneConfig', {})
  .then((config) => {
    const snapshot = handlers['phone.configure'](config, {});
    void phone.endLostCalls(parseLostCalls(config.lostCalls));
    return snapshot;
  })
  .catch((error: unknown) => console.error('ClickDial: the phone could not read its configuration', error));
