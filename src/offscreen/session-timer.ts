// SIP session timers (RFC 4028) for ClickDial's calls. SIP.js 0.21.2 has
// none: it answers UPDATE with 405 (UPDATE is not among its methods) and never
// refreshes, so a PBX that requires session timers ends our calls at their
// expiry. This module is the one place that reaches into SIP.js for them; it
// patches instances only (each user agent's core, each call's dialog), never
// SIP.js's modules, because 0.21.2 is the last release and has no hook for
// in-dialog methods it does not know:
// - the core's request dispatch: an in-dialog UPDATE is answered here (200,
//   with an SDP answer when it carries an offer) instead of 405;
// - the core's INVITE sending: Session-Expires and "Allow: UPDATE" on our
//   INVITEs, a 422 retried with the Min-SE asked for, the 2xx read;
// - an incoming call's accept, and each dialog's re-INVITEs both ways:
//   Session-Expires (and Require: timer when the peer supports it) added, the
//   answer read. `Supported: timer` itself is SIP.js's own option
//   (sipExtensionExtraSupported, manager-options.ts).
//
// One call's timer:
//   (none) --INVITE/2xx with Session-Expires--> running(interval, who refreshes)
//   running --refresh from the peer (UPDATE or re-INVITE), or ours answered--> running (restarted)
//   running, we refresh --interval/2--> refreshing: UPDATE if the peer allows it, else re-INVITE
//     refreshing --2xx--> running;  --422--> refreshing with its Min-SE;  --405/501--> by re-INVITE
//     refreshing --491 or another failure--> running (tried again in 2 s, until expiry)
//     refreshing --408/481/no answer--> ended (BYE, said in words)
//   running --no refresh by interval - min(32 s, interval/3)--> ended (BYE with Reason, said in words)
//   running --a refresh from the peer without Session-Expires--> (none)
//   any --call ends--> (none)
import { Core, Invitation, SessionState, type Session, type UserAgent } from 'sip.js';
import {
  MIN_INTERVAL_S,
  REQUESTED_INTERVAL_S,
  RETRY_MS,
  agreementFromAnswer,
  answerTo,
  parseSessionExpires,
  sessionExpiresOf,
  withHeaders,
  type Agreement,
} from './session-timer-negotiation';
import { words, type Words } from '../shared/words';

export interface SessionTimerHooks {
  /** The call is being ended by its timer (BYE sent): tell the user why. */
  expired(session: Session, why: Words): void;
}

// --- SIP.js internals this module reaches (instances only) ----------------

interface CorePrivate {
  receiveRequest(message: Core.IncomingRequestMessage): void;
}
interface DialogPrivate {
  sequenceGuard(message: Core.IncomingRequestMessage): boolean;
  signalingStateTransition(message: Core.IncomingRequestMessage | Core.Body): void;
  signalingState: Core.SignalingState;
}
interface SessionPrivate {
  setOfferAndGetAnswer(offer: Core.Body, options: object): Promise<Core.Body>;
}
interface UacPrivate {
  message: Core.OutgoingRequestMessage;
  receiveResponse(message: Core.IncomingResponseMessage): void;
  init(): void;
}

/** One user agent's calls: the agreements reached in INVITE transactions (by Call-ID), the running timers (by dialog id). */
interface AgentState {
  agreed: Map<string, Agreement>;
  running: Map<string, CallTimer>;
}
const agents = new WeakMap<UserAgent, AgentState>();

function install(ua: UserAgent): AgentState {
  let state = agents.get(ua);
  if (state) return state;
  const made: AgentState = { agreed: new Map(), running: new Map() };
  state = made;
  agents.set(ua, made);
  const core = ua.userAgentCore;

  // In-dialog UPDATE: SIP.js would answer 405.
  const corePrivate = core as unknown as CorePrivate;
  const receive = corePrivate.receiveRequest.bind(core);
  corePrivate.receiveRequest = (message) => {
    const timer =
      message.method === 'UPDATE' && message.toTag ? made.running.get(message.callId + message.toTag + message.fromTag) : undefined;
    if (timer) timer.receiveUpdate(message);
    else receive(message);
  };

  // Our INVITEs: ask for timers, allow UPDATE, retry a 422, read the 2xx.
  const invite = core.invite.bind(core);
  core.invite = (message, delegate) => {
    message.extraHeaders = withHeaders(message.extraHeaders, [`Session-Expires: ${REQUESTED_INTERVAL_S}`, 'Allow: UPDATE']);
    const uac = invite(message, {
      ...delegate,
      onAccept: (response) => {
        const agreement = agreementFromAnswer(response.message);
        if (agreement) made.agreed.set(response.message.callId, agreement);
        delegate?.onAccept?.(response);
      },
    });
    retry422(uac as unknown as UacPrivate, 'INVITE');
    return uac;
  };
  return made;
}

/** A 422 (Session Interval Too Small) is tried again, once, with the Min-SE it asks for. */
function retry422(uac: UacPrivate, method: string): void {
  const receive = uac.receiveResponse.bind(uac);
  let retried = false;
  uac.receiveResponse = (response) => {
    const minSe = Number(response.getHeader('min-se') ?? NaN);
    if (response.statusCode !== 422 || retried || !(minSe > 0)) {
      receive(response);
      return;
    }
    retried = true;
    const message = uac.message;
    const refresher = parseSessionExpires(message.extraHeaders.find((h) => /^session-expires:/i.test(h))?.split(':')[1])?.refresher;
    message.extraHeaders = withHeaders(message.extraHeaders, [
      `Session-Expires: ${minSe}${refresher ? `;refresher=${refresher}` : ''}`,
      `Min-SE: ${minSe}`,
    ]);
    message.cseq += 1;
    message.setHeader('cseq', `${message.cseq} ${method}`);
    // As SIP.js's own digest retry does: a new transaction for the same request.
    uac.init();
  };
}

/** Session timers for every call: `watch` each session once it is created. */
export class SessionTimers {
  constructor(private readonly hooks: SessionTimerHooks) {}

  /** False when the call was refused for asking a shorter interval than ours (422 with our Min-SE). */
  watch(session: Session): boolean {
    const state = install(session.userAgent);
    if (session instanceof Invitation) {
      const asked = sessionExpiresOf(session.request);
      if (asked && asked.interval < MIN_INTERVAL_S) {
        void session.reject({ statusCode: 422, extraHeaders: [`Min-SE: ${MIN_INTERVAL_S}`] }).catch(() => undefined);
        return false;
      }
      // Our 200 carries the agreed Session-Expires.
      const accept = session.accept.bind(session);
      session.accept = (options = {}) => {
        const { agreement, headers } = answerTo(session.request);
        if (agreement) state.agreed.set(session.request.callId, agreement);
        return accept({ ...options, extraHeaders: withHeaders(options.extraHeaders ?? [], headers.length ? headers : ['Allow: UPDATE']) });
      };
    }
    session.stateChange.addListener((s) => {
      const dialog = session.dialog;
      if (s === SessionState.Established && dialog && !state.running.has(dialog.id)) {
        // SIP.js's Session.dialog is always its SessionDialog (typed as the core Session interface).
        const timer = new CallTimer(session, dialog as Core.SessionDialog, state.agreed.get(dialog.callId), this.hooks);
        state.agreed.delete(dialog.callId);
        state.running.set(dialog.id, timer);
      }
      if (s === SessionState.Terminated) {
        for (const [id, timer] of state.running) {
          if (timer.session !== session) continue;
          timer.stop();
          state.running.delete(id);
        }
      }
    });
    return true;
  }
}

/** One established call's timer (see the diagram at the top). */
class CallTimer {
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  private byUpdate = true;
  private stopped = false;

  constructor(
    readonly session: Session,
    private readonly dialog: Core.SessionDialog,
    private agreement: Agreement | undefined,
    private readonly hooks: SessionTimerHooks,
  ) {
    this.hookDialog();
    this.restart();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.refreshTimer);
    clearTimeout(this.expiryTimer);
  }

  /** Re-INVITEs both ways carry the timer: ours say who refreshes, the peer's are answered with the agreement. */
  private hookDialog(): void {
    const dialog = this.dialog;
    const sendInvite = dialog.invite.bind(dialog);
    dialog.invite = (delegate, options = {}) => {
      const a = this.agreement;
      const extraHeaders = a
        ? withHeaders(options.extraHeaders ?? [], [
            `Session-Expires: ${a.interval};refresher=${a.weRefresh ? 'uac' : 'uas'}`,
            'Allow: UPDATE',
          ])
        : options.extraHeaders;
      const uac = sendInvite(
        {
          ...delegate,
          onAccept: (response) => {
            this.refreshed(this.answered(response.message));
            delegate?.onAccept?.(response);
          },
        },
        { ...options, ...(extraHeaders ? { extraHeaders } : {}) },
      );
      retry422(uac as unknown as UacPrivate, 'INVITE');
      return uac;
    };
    const core = dialog.delegate;
    if (!core?.onInvite) return;
    const onInvite = core.onInvite.bind(core);
    core.onInvite = (request) => {
      const accept = request.accept.bind(request);
      request.accept = (options) => {
        const { agreement, headers } = answerTo(request.message, this.agreement);
        const response = accept({
          ...options,
          statusCode: options?.statusCode ?? 200,
          extraHeaders: withHeaders(options?.extraHeaders ?? [], headers),
        });
        this.refreshed(agreement);
        return response;
      };
      onInvite(request);
    };
  }

  /** An UPDATE from the peer (a refresh, or an offer): answered 200 with the agreement, and an SDP answer when offered. */
  receiveUpdate(message: Core.IncomingRequestMessage): void {
    const dialog = this.dialog as unknown as DialogPrivate;
    if (!dialog.sequenceGuard(message)) return;
    // What SIP.js's Dialog does for every in-dialog request (remote CSeq).
    Core.Dialog.prototype.receiveRequest.call(this.dialog, message);
    const uas = new Core.UserAgentServer(Core.NonInviteServerTransaction, this.dialog.userAgentCore, message);
    const { agreement, headers } = answerTo(message, this.agreement);
    const offer = Core.getBody(message);
    if (!offer || offer.contentDisposition !== 'session') {
      uas.accept({ statusCode: 200, extraHeaders: headers });
      this.refreshed(agreement);
      return;
    }
    if (dialog.signalingState !== Core.SignalingState.Stable) {
      uas.reject({ statusCode: 491 });
      return;
    }
    dialog.signalingStateTransition(message);
    (this.session as unknown as SessionPrivate)
      .setOfferAndGetAnswer(offer, {})
      .then((answer) => {
        dialog.signalingStateTransition(answer);
        uas.accept({ statusCode: 200, extraHeaders: headers, body: answer });
        this.refreshed(agreement);
      })
      .catch(() => uas.reject({ statusCode: 488 }));
  }

  /**
   * The agreement after a 2xx to our re-INVITE or UPDATE. One without
   * Session-Expires keeps the one we had (RFC 4028 would turn the timer off):
   * refreshing a peer that forgot to echo it costs little, dropping a timer
   * it still runs costs the call.
   */
  private answered(response: Core.IncomingResponseMessage): Agreement | undefined {
    return agreementFromAnswer(response, this.agreement) ?? this.agreement;
  }

  /** A refresh went through (either way): the new agreement, or none (the timer is off). */
  private refreshed(agreement: Agreement | undefined): void {
    this.agreement = agreement;
    this.restart();
  }

  private restart(): void {
    clearTimeout(this.refreshTimer);
    clearTimeout(this.expiryTimer);
    const a = this.agreement;
    if (!a || this.stopped) return;
    const ms = a.interval * 1000;
    if (a.weRefresh) this.refreshTimer = setTimeout(() => this.refresh(), ms / 2);
    // RFC 4028 10: the end comes a little before the interval, for the BYE to arrive in time.
    this.expiryTimer = setTimeout(() => this.expire(), ms - Math.min(32_000, ms / 3));
  }

  private refresh(): void {
    if (this.stopped || this.session.state !== SessionState.Established) return;
    const a = this.agreement;
    if (!a) return;
    if (a.peerAllowsUpdate && this.byUpdate) this.refreshByUpdate(a);
    else this.refreshByInvite();
  }

  private refreshByUpdate(a: Agreement): void {
    const message = this.dialog.createOutgoingRequestMessage('UPDATE', {
      extraHeaders: [
        `Session-Expires: ${a.interval};refresher=uac`,
        'Allow: UPDATE',
        ...(this.session._contact ? [`Contact: ${this.session._contact}`] : []),
      ],
    });
    const uac = new Core.UserAgentClient(Core.NonInviteClientTransaction, this.dialog.userAgentCore, message, {
      onAccept: (response) => this.refreshed(this.answered(response.message)),
      onReject: (response) => this.refreshFailed(response.message.statusCode ?? 0, true),
    });
    retry422(uac as unknown as UacPrivate, 'UPDATE');
  }

  private refreshByInvite(): void {
    // The dialog hook above adds Session-Expires and reads the answer.
    this.session
      .invite({ requestDelegate: { onReject: (response) => this.refreshFailed(response.message.statusCode ?? 0, false) } })
      .catch(() => this.retrySoon());
  }

  private refreshFailed(status: number, byUpdate: boolean): void {
    if (this.stopped) return;
    if (status === 408 || status === 481) {
      this.end(words('session_unknown_to_far_end', { status: String(status) }));
      return;
    }
    if (byUpdate && (status === 405 || status === 501)) {
      this.byUpdate = false;
      this.refreshByInvite();
      return;
    }
    this.retrySoon();
  }

  private retrySoon(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), RETRY_MS);
  }

  private expire(): void {
    const a = this.agreement;
    if (!a) return;
    this.end(words(a.weRefresh ? 'session_refreshes_unanswered' : 'session_refreshes_stopped', { seconds: String(a.interval) }));
  }

  private end(why: Words): void {
    this.stop();
    if (this.session.state !== SessionState.Established) return;
    this.hooks.expired(this.session, why);
    void this.session.bye({ requestOptions: { extraHeaders: ['Reason: SIP;cause=408;text="Session expired"'] } }).catch(() => undefined);
  }
}
