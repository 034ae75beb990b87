// The phone: one SessionManager built from the saved account, and the state
// around it that SIP.js does not keep. Publishes a snapshot after every change.
//
//   (no account) --configure--> offline
//   offline --wantsOnline--> connecting --WebSocket up--> connected/registering --200--> registered
//   connecting --fails--> disconnected --backoff--> connecting   (while wantsOnline)
//   registering --401/403/407--> failed   (no retry until the account changes)
//   registered --transport lost--> disconnected --backoff--> connecting
//   any --wantsOnline=false--> offline (unregister, close the WebSocket)
import { Invitation, SessionState, Web, type Core, type Session } from 'sip.js';

type IncomingResponse = Core.IncomingResponse;
import { accountDomain, type SipAccount } from '../shared/account';
import { toDialTarget } from '../shared/dial-string';
import { ClickDialError } from '../shared/protocol';
import type { ConnectionState, EndedCall, MicrophonePermission, PhoneSnapshot, RegistrationState } from '../shared/snapshot';
import { CallRegistry } from './call-registry';
import { managerOptions } from './manager-options';
import { queryMicrophone, requireMicrophone } from './microphone-permission';
import { releaseRemoteAudio } from './remote-audio';
import { describeCallFailure, describeConnectionFailure, describeRegistrationFailure, isAuthenticationFailure } from './sip-status';

const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000, 30000];
/** Sent when the user declines: lets the caller's PBX treat it as busy (voicemail). */
const DECLINE_STATUS = 486;

export class Phone {
  private account: SipAccount | null = null;
  private wantsOnline = false;
  private manager: Web.SessionManager | undefined;
  private connection: ConnectionState = 'disconnected';
  private registration: RegistrationState = 'unregistered';
  private registrationError: string | undefined;
  private authRejected = false;
  private microphone: MicrophonePermission = 'unknown';
  private notice: PhoneSnapshot['notice'];
  private readonly calls = new CallRegistry();
  // Starts from the clock so that a recreated document still counts upwards.
  private revision = Date.now();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryAttempt = 0;
  private publishQueued = false;
  private lastCreatedId: string | undefined;

  constructor(
    private readonly publish: (snapshot: PhoneSnapshot) => void,
    private readonly callEnded: (ended: EndedCall) => void = () => undefined,
  ) {}

  snapshot(): PhoneSnapshot {
    return {
      configured: this.account !== null,
      wantsOnline: this.wantsOnline,
      ...(this.account ? { aor: this.account.aor } : {}),
      connection: this.connection,
      registration: this.registration,
      ...(this.registrationError ? { registrationError: this.registrationError } : {}),
      microphone: this.microphone,
      calls: this.calls.snapshots(),
      ...(this.notice ? { notice: this.notice } : {}),
      revision: this.revision,
    };
  }

  async refreshMicrophone(): Promise<PhoneSnapshot> {
    this.microphone = await queryMicrophone();
    this.changed();
    return this.snapshot();
  }

  /** Takes the saved account and the user's intent, and reconciles with them. */
  async configure(account: SipAccount | null, wantsOnline: boolean): Promise<PhoneSnapshot> {
    if (JSON.stringify(account) !== JSON.stringify(this.account)) {
      await this.stopManager();
      this.account = account;
      this.authRejected = false;
      this.registrationError = undefined;
    }
    this.wantsOnline = wantsOnline && account !== null;
    if (!this.wantsOnline) this.registrationError = undefined;
    await this.reconcile();
    return this.snapshot();
  }

  async call(input: string): Promise<{ callId: string }> {
    const { manager, account } = this.requireRegistered();
    const dial = toDialTarget(input, accountDomain(account.aor));
    if (!dial.ok) throw new ClickDialError(dial.error, 'invalid');
    await this.checkMicrophone();
    this.notice = undefined;
    this.lastCreatedId = undefined;
    // earlyMedia: play the PBX's ringback or announcements sent with a 183.
    const pending = manager.call(dial.uri, { earlyMedia: true }, {
      requestDelegate: {
        onProgress: (response) => this.onProgress(callId, response),
        onReject: (response) => this.onCallRejected(callId, response),
      },
    });
    // onCallCreated ran synchronously inside call(), before its first await.
    const callId = this.lastCreatedId ?? '';
    try {
      const inviter = await pending;
      return { callId: inviter.id };
    } catch (error) {
      throw new ClickDialError(`Could not place the call: ${error instanceof Error ? error.message : String(error)}`, 'failed');
    }
  }

  async answer(callId: string): Promise<void> {
    const session = this.calls.session(callId);
    await this.checkMicrophone();
    await this.manager?.answer(session);
  }

  async decline(callId: string): Promise<void> {
    const session = this.calls.session(callId);
    if (!(session instanceof Invitation) || session.state !== SessionState.Initial) {
      throw new ClickDialError('Only a ringing incoming call can be declined.', 'invalid');
    }
    this.calls.markEnding(callId, 'declined');
    await session.reject({ statusCode: DECLINE_STATUS });
  }

  async hangup(callId: string): Promise<void> {
    const session = this.calls.session(callId);
    await this.manager?.hangup(session);
  }

  // --- connection and registration -------------------------------------

  private async reconcile(): Promise<void> {
    clearTimeout(this.retryTimer);
    const account = this.account;
    if (!this.wantsOnline || !account) {
      await this.stopManager();
      return;
    }
    if (!this.manager) {
      try {
        this.manager = new Web.SessionManager(account.server.trim(), this.options(account));
      } catch (error) {
        this.registration = 'failed';
        this.registrationError = describeConnectionFailure(account.server, error);
        this.changed();
        return;
      }
    }
    const manager = this.manager;
    if (!manager.isConnected()) {
      this.connection = 'connecting';
      this.changed();
      try {
        await manager.connect();
      } catch (error) {
        if (manager !== this.manager) return; // replaced while connecting
        this.connection = 'disconnected';
        this.registration = 'unregistered';
        this.registrationError = describeConnectionFailure(account.server, error);
        this.scheduleRetry();
        this.changed();
        return;
      }
    }
    if (this.registration !== 'registered' && !this.authRejected) {
      this.registration = 'registering';
      this.changed();
      await manager.register().catch((error: unknown) => {
        this.registrationError = `Could not send the registration: ${error instanceof Error ? error.message : String(error)}`;
        this.changed();
      });
    }
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    if (!this.wantsOnline) return;
    const delay = RETRY_DELAYS_MS[Math.min(this.retryAttempt, RETRY_DELAYS_MS.length - 1)] ?? 30000;
    this.retryAttempt += 1;
    this.retryTimer = setTimeout(() => void this.reconcile(), delay);
  }

  private async stopManager(): Promise<void> {
    clearTimeout(this.retryTimer);
    const manager = this.manager;
    this.manager = undefined;
    this.connection = 'disconnected';
    this.registration = 'unregistered';
    this.changed();
    if (!manager) return;
    await manager.unregister().catch(() => undefined);
    await manager.disconnect().catch(() => undefined);
  }

  private options(account: SipAccount): Web.SessionManagerOptions {
    return managerOptions(
      account,
      {
        onServerConnect: () => {
          this.connection = 'connected';
          this.retryAttempt = 0;
          this.registrationError = undefined;
          this.changed();
        },
        onServerDisconnect: (error) => {
          this.connection = 'disconnected';
          this.registration = this.registration === 'failed' ? 'failed' : 'unregistered';
          if (error && this.wantsOnline) {
            this.registrationError = describeConnectionFailure(account.server, error);
            this.scheduleRetry();
          }
          this.changed();
        },
        onRegistered: () => {
          this.registration = 'registered';
          this.registrationError = undefined;
          this.changed();
        },
        onUnregistered: () => {
          if (this.registration !== 'failed') this.registration = 'unregistered';
          this.changed();
        },
        onCallCreated: (session) => this.onCallCreated(session),
        onCallReceived: () => this.changed(),
        onCallAnswered: (session) => {
          this.calls.setState(session.id, 'active');
          this.changed();
        },
        onCallHangup: (session) => {
          const ended = this.calls.remove(session.id);
          releaseRemoteAudio(session.id);
          this.changed();
          if (ended) this.callEnded(ended);
        },
        onCallHold: (session, held) => {
          this.calls.patch(session.id, { held });
          this.changed();
        },
      },
      {
        // Halts SessionManager's automatic re-registration after the server
        // refused our credentials: retrying a wrong password only locks accounts.
        registerGuard: () => Promise.resolve(this.authRejected),
        registererRegisterOptions: {
          requestDelegate: {
            onReject: (response) => {
              const { statusCode = 0, reasonPhrase = '' } = response.message;
              this.registrationError = describeRegistrationFailure(statusCode, reasonPhrase);
              if (isAuthenticationFailure(statusCode)) {
                this.authRejected = true;
                this.registration = 'failed';
              }
              this.changed();
            },
          },
        },
      },
    );
  }

  // --- calls -------------------------------------------------------------

  private onCallCreated(session: Session): void {
    this.lastCreatedId = session.id;
    this.calls.add(session, session instanceof Invitation ? 'incoming' : 'outgoing');
    // A caller's CANCEL with "Reason: SIP;cause=200" means another phone of
    // ours answered: not a missed call. (SessionManager keeps this delegate.)
    session.delegate = {
      ...session.delegate,
      onCancel: (cancel) => {
        const reason = cancel.request.getHeader('reason') ?? '';
        this.calls.markEnding(session.id, /cause=200\b/.test(reason) ? 'answered-elsewhere' : 'missed');
      },
    };
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established) this.calls.setState(session.id, 'active');
      this.changed();
    });
    this.changed();
  }

  private onProgress(callId: string, response: IncomingResponse): void {
    const status = response.message.statusCode ?? 0;
    if ((status === 180 || status === 183) && this.calls.call(callId)?.state === 'dialing') {
      this.calls.setState(callId, 'ringing');
    }
    if (status === 183 && response.message.body) this.calls.patch(callId, { earlyMedia: true });
    this.changed();
  }

  private onCallRejected(callId: string, response: IncomingResponse): void {
    const { statusCode = 0, reasonPhrase = '' } = response.message;
    this.calls.markEnding(callId, statusCode === 487 ? 'cancelled' : 'failed');
    this.notice = { text: describeCallFailure(statusCode, reasonPhrase), at: Date.now() };
    this.changed();
  }

  private requireRegistered(): { manager: Web.SessionManager; account: SipAccount } {
    if (!this.account) throw new ClickDialError('Set up your SIP account in ClickDial\'s options first.', 'not-configured');
    if (!this.manager || this.registration !== 'registered') {
      const why = this.registrationError ? ` ${this.registrationError}` : '';
      throw new ClickDialError(`The phone is not registered.${why}`, 'not-connected');
    }
    return { manager: this.manager, account: this.account };
  }

  private async checkMicrophone(): Promise<void> {
    try {
      this.microphone = await requireMicrophone();
    } catch (error) {
      this.microphone = await queryMicrophone();
      this.changed();
      throw error;
    }
  }

  /** Coalesces the changes of one turn into one published snapshot. */
  private changed(): void {
    if (this.publishQueued) return;
    this.publishQueued = true;
    queueMicrotask(() => {
      this.publishQueued = false;
      this.revision += 1;
      this.publish(this.snapshot());
    });
  }
}
