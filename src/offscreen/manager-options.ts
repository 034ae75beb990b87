import { SIPExtension, type UserAgentOptions, type Web } from 'sip.js';
import type { SipAccount } from '../shared/account';
import { remoteAudioFor } from './remote-audio';
import type { EarlyMicrophone } from './early-microphone';
import { earlyOfferHandlerFactory } from './early-offer-handler';
import { CONNECT_TIMEOUT_S } from './server-probe';
import type { Words } from '../shared/words';

/**
 * Registrations last 110 s and are refreshed at half of that: a server that
 * dropped our contact while the connection stayed up (a restart, a lost
 * database) has it back within a minute, as the phone cannot ask it.
 */
export const REGISTER_EXPIRES_S = 110;

type Options = Web.SessionManagerOptions;

/**
 * The parts of SIP.js that touch the network and the media: in the phone
 * document, SIP.js's own (WebSocket, WebRTC, one <audio> per call). The
 * phone's unit tests run the same code over an in-memory transport and
 * fake media instead (test/offscreen/sip-world.ts).
 */
export interface SipStack {
  transportConstructor?: UserAgentOptions['transportConstructor'];
  sessionDescriptionHandlerFactory?: UserAgentOptions['sessionDescriptionHandlerFactory'];
  media?: Options['media'];
  /** Opens a call's devices as soon as it is asked for (the phone document's; SIP.js opens them itself when absent). */
  microphone?: EarlyMicrophone;
  /** Says why a WebSocket could not be opened: server-probe.ts's HTTP probe unless given. */
  describeUnreachable?: (server: string, error: unknown) => Promise<Words>;
}

/** Maps the user's account onto SessionManager options. */
export function managerOptions(
  account: SipAccount,
  delegate: NonNullable<Options['delegate']>,
  extra: Pick<Options, 'registerGuard' | 'registererRegisterOptions'>,
  stack: SipStack = {},
): Options {
  const aor = account.aor.trim();
  const user = account.authorizationUser.trim() || /^sips?:([^@]+)@/.exec(aor)?.[1] || '';
  return {
    aor,
    delegate,
    media: stack.media ?? {
      constraints: { audio: true, video: false },
      // A function, so that every call gets its own element.
      remote: (session) => ({ audio: remoteAudioFor(session.id) }),
    },
    // Reconnection is ours (phone.ts retries with backoff for as long as the
    // user wants to be online); SessionManager would give up after 3 tries.
    reconnectionAttempts: 0,
    // 0 = no limit in SIP.js: its check lets one call too many through, so
    // call-events.ts enforces the user's limit exactly.
    maxSimultaneousSessions: 0,
    registererOptions: { expires: REGISTER_EXPIRES_S, refreshFrequency: 50 },
    // SessionManager's own retry of a refused or failed registration: soon, as the server is there.
    registrationRetryInterval: 1,
    ...extra,
    userAgentOptions: {
      authorizationUsername: user,
      authorizationPassword: account.password,
      ...(account.displayName.trim() ? { displayName: account.displayName.trim() } : {}),
      userAgentString: 'ClickDial/0.1 (SIP.js 0.21.2)',
      // Lets a far end complete an attended transfer to us (INVITE with Replaces).
      sipExtensionReplaces: SIPExtension.Supported,
      // RFC 4028 session timers, handled by session-timer.ts: "Supported: timer" on requests and responses.
      sipExtensionExtraSupported: ['timer'],
      logLevel: 'warn',
      transportOptions: { server: account.server.trim(), connectionTimeout: CONNECT_TIMEOUT_S },
      sessionDescriptionHandlerFactoryOptions: {
        // Replaces SIP.js's default (Google's STUN): an unreachable STUN server
        // would hold every call for the ICE gathering timeout.
        peerConnectionConfiguration: { iceServers: account.iceServers },
        iceGatheringTimeout: 3000,
      },
      ...(stack.transportConstructor ? { transportConstructor: stack.transportConstructor } : {}),
      ...sessionDescriptionHandlerFactory(stack),
    },
  };
}

/** The phone document's handler (early-offer-handler.ts), taking the devices opened early; the tests' when given. */
function sessionDescriptionHandlerFactory(stack: SipStack): Pick<UserAgentOptions, 'sessionDescriptionHandlerFactory'> {
  if (stack.sessionDescriptionHandlerFactory) return { sessionDescriptionHandlerFactory: stack.sessionDescriptionHandlerFactory };
  if (stack.microphone) return { sessionDescriptionHandlerFactory: earlyOfferHandlerFactory(stack.microphone.mediaStreamFactory) };
  return {};
}
