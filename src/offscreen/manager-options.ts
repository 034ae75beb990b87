import { SIPExtension, type Web } from 'sip.js';
import type { SipAccount } from '../shared/account';
import { remoteAudioFor } from './remote-audio';

type Options = Web.SessionManagerOptions;

/** Maps the user's account onto SessionManager options. */
export function managerOptions(
  account: SipAccount,
  delegate: NonNullable<Options['delegate']>,
  extra: Pick<Options, 'registerGuard' | 'registererRegisterOptions'>,
): Options {
  const aor = account.aor.trim();
  const user = account.authorizationUser.trim() || /^sips?:([^@]+)@/.exec(aor)?.[1] || '';
  return {
    aor,
    delegate,
    media: {
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
    ...extra,
    userAgentOptions: {
      authorizationUsername: user,
      authorizationPassword: account.password,
      ...(account.displayName.trim() ? { displayName: account.displayName.trim() } : {}),
      userAgentString: 'ClickDial/0.1 (SIP.js 0.21.2)',
      // Lets a far end complete an attended transfer to us (INVITE with Replaces).
      sipExtensionReplaces: SIPExtension.Supported,
      logLevel: 'warn',
      transportOptions: { server: account.server.trim(), connectionTimeout: 6 },
      sessionDescriptionHandlerFactoryOptions: {
        // Replaces SIP.js's default (Google's STUN): an unreachable STUN server
        // would hold every call for the ICE gathering timeout.
        peerConnectionConfiguration: { iceServers: account.iceServers },
        iceGatheringTimeout: 3000,
      },
    },
  };
}
