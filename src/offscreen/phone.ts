// The phone: one SessionManager built from the saved account, and the state
// around it that SIP.js does not keep. Publishes a snapshot after every change.
//
//   (no account) --configure--> offline
//   offline --wantsOnline--> connecting --WebSocket up--> connected/registering --200--> registered
//   connecting --fails--> disconnected --backoff--> connecting   (while wantsOnline)
//   registering --401/403/407--> failed   (no retry until the account changes)
//   registered --transport lost--> disconnected --backoff--> connecting
//   any --wantsOnline=false--> offline (unregister, close the WebSocket)
// Calls: at most settings.maxCalls at once (checked here: SIP.js lets one more
// through); only one is off hold; controls on calls in progress are in call-controls.ts.
import { Invitation, SessionState, Web } from 'sip.js';
import { accountDomain, type SipAccount } from '../shared/account';
import { toDialTarget } from '../shared/dial-string';
import { checkMessageBody } from '../shared/conversations';
import { defaultPhoneSettings, parsePhoneSettings, type PhoneSettings } from '../shared/phone-settings';
import { ClickDialError } from '../shared/protocol';
import type { ConnectionState, EndedCall, MicrophonePermission, PhoneSnapshot, ReceivedMessage, RegistrationState, RemoteParty } from '../shared/snapshot';
import { AudioDevices } from './audio-devices';
import { CallControls } from './call-controls';
import { CallEvents } from './call-events';
import { CallRegistry } from './call-registry';
import { managerOptions } from './manager-options';
import { queryMicrophone, requireMicrophone } from './microphone-permission';
import { sendTextMessage } from './text-messages';
import { describeConnectionFailure, describeRegistrationFailure, isAuthenticationFailure } from './sip-status';

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
  private settings: PhoneSettings = defaultPhoneSettings();
  private readonly devices = new AudioDevices((text) => this.setNotice(text));
  /** Hold, key tones, switching and transfer: offscreen.ts calls these directly. */
  readonly controls: CallControls = new CallControls({
    manager: () => this.manager,
    calls: this.calls,
    settings: () => this.settings,
    changed: () => this.changed(),
    notify: (text) => this.setNotice(text),
    placeCall: (target) => this.call(target),
    dialUri: (input) => this.dialUri(input),
  });

  private readonly events: CallEvents;

  constructor(
    private readonly publish: (snapshot: PhoneSnapshot) => void,
    callEnded: (ended: EndedCall) => void = () => undefined,
    messageReceived: (message: ReceivedMessage) => void = () => undefined,
  ) {
    this.events = new CallEvents({
      calls: this.calls,
      controls: this.controls,
      maxCalls: () => this.settings.maxCalls,
      changed: () => this.changed(),
      notify: (text) => this.setNotice(text),
      callEnded,
      messageReceived,
    });
  }

  snapshot(): PhoneSnapshot {
    const calls = this.calls.snapshots();
    const active = calls.filter((c) => c.state === 'active' && !c.held).at(-1);
    return {
      configured: this.account !== null,
      wantsOnline: this.wantsOnline,
      ...(this.account ? { aor: this.account.aor } : {}),
      connection: this.connection,
      registration: this.registration,
      ...(this.registrationError ? { registrationError: this.registrationError } : {}),
      microphone: this.microphone,
      calls,
      ...(active ? { activeCallId: active.id } : {}),
      maxCalls: this.settings.maxCalls,
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
  async configure(account: SipAccount | null, wantsOnline: boolean, settings?: PhoneSettings): Promise<PhoneSnapshot> {
    if (settings !== undefined) {
      // Applied live: DTMF and the call limit are ours, devices apply per call.
      this.settings = parsePhoneSettings(settings);
      this.devices.apply(this.settings);
      this.changed();
    }
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
    const { manager } = this.requireRegistered();
    const uri = this.dialUri(input);
    this.requireRoom();
    await this.checkMicrophone();
    this.notice = undefined;
    await this.controls.holdOthers();
    const constraints = await this.devices.microphoneConstraints();
    this.requireRoom();
    // earlyMedia: play the PBX's ringback or announcements sent with a 183.
    const { pending } = this.events.placeCall((requestDelegate) =>
      manager.call(uri, { earlyMedia: true, sessionDescriptionHandlerOptions: { constraints } }, { requestDelegate }),
    );
    try {
      const inviter = await pending;
      return { callId: inviter.id };
    } catch (error) {
      throw new ClickDialError(`Could not place the call: ${error instanceof Error ? error.message : String(error)}`, 'failed');
    }
  }

  async answer(callId: string): Promise<void> {
    const session = this.calls.session(callId);
    if (!(session instanceof Invitation) || session.state !== SessionState.Initial) {
      throw new ClickDialError('Only a ringing incoming call can be answered.', 'invalid');
    }
    await this.checkMicrophone();
    // Call waiting: the call in progress goes on hold first.
    await this.controls.holdOthers(callId);
    const constraints = await this.devices.microphoneConstraints();
    await this.manager?.answer(session, { sessionDescriptionHandlerOptions: { constraints } });
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

  /** Mute only stops sending our audio (no signalling), so it is instant. */
  setMuted(callId: string, muted: boolean): void {
    this.controls.setMute(callId, muted);
  }

  /** A SIP MESSAGE; resolves once delivered, with the party it went to. */
  async sendMessage(target: string, body: string): Promise<{ to: RemoteParty }> {
    const { manager } = this.requireRegistered();
    const uri = this.dialUri(target);
    const problem = checkMessageBody(body);
    if (problem) throw new ClickDialError(problem, 'invalid');
    await sendTextMessage(manager, uri, body);
    return { to: { uri, user: /^sips?:([^@]+)@/i.exec(uri)?.[1] ?? uri } };
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
        ...this.events.delegate(),
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

  private dialUri(input: string): string {
    const dial = toDialTarget(input, this.account ? accountDomain(this.account.aor) : undefined);
    if (!dial.ok) throw new ClickDialError(dial.error, 'invalid');
    return dial.uri;
  }

  private requireRoom(): void {
    const max = this.settings.maxCalls;
    if (this.calls.count() < max) return;
    throw new ClickDialError(
      `You already have ${max === 1 ? 'a call' : `${max} calls`}, the most this phone takes at once. End one first, or raise "Calls at once" in the options.`,
      'invalid',
    );
  }

  private setNotice(text: string): void {
    this.notice = { text, at: Date.now() };
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
