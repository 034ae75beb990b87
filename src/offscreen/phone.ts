// The phone: the connection to the SIP server (sip-connection.ts, with its
// state diagram), the calls, and the state around them that SIP.js does not
// keep. Publishes one snapshot after every change.
// Calls: at most settings.maxCalls at once (checked here: SIP.js lets one more
// through); only one is off hold; controls on calls in progress are in call-controls.ts.
import { activeCall } from '../shared/call-selectors';
import { Invitation, SessionState } from 'sip.js';
import { accountDomain, type SipAccount } from '../shared/account';
import { toDialTarget } from '../shared/dial-string';
import { checkMessageBody } from '../shared/conversations';
import { defaultPhoneSettings, parsePhoneSettings, type PhoneSettings } from '../shared/phone-settings';
import { ClickDialError } from '../shared/protocol';
import type { EndedCall, MicrophonePermission, PhoneSnapshot, ReceivedMessage, RemoteParty } from '../shared/snapshot';
import { AudioDevices } from './audio-devices';
import { CallControls } from './call-controls';
import { CallEvents } from './call-events';
import { CallRegistry } from './call-registry';
import { queryMicrophone, requireMicrophone } from './microphone-permission';
import { sendTextMessage } from './text-messages';
import { SipConnection } from './sip-connection';

/** Sent when the user declines: lets the caller's PBX treat it as busy (voicemail). */
const DECLINE_STATUS = 486;

export class Phone {
  private readonly sip = new SipConnection({
    changed: () => this.changed(),
    callDelegate: () => this.events.delegate(),
  });
  private microphone: MicrophonePermission = 'unknown';
  private notice: PhoneSnapshot['notice'];
  private readonly calls = new CallRegistry();
  // Starts from the clock so that a recreated document still counts upwards.
  private revision = Date.now();
  private publishQueued = false;
  private settings: PhoneSettings = defaultPhoneSettings();
  private readonly devices = new AudioDevices((text) => this.setNotice(text));
  /** Hold, key tones, switching and transfer: offscreen.ts calls these directly. */
  readonly controls: CallControls = new CallControls({
    manager: () => this.sip.manager,
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
      microphoneConstraints: () => this.devices.microphoneConstraints(),
      answerReplacement: (callId) => this.answerReplacement(callId),
      callEnded,
      messageReceived,
    });
  }

  snapshot(): PhoneSnapshot {
    const calls = this.calls.snapshots();
    const active = activeCall(calls);
    const { account, registrationError } = this.sip;
    return {
      configured: account !== null,
      wantsOnline: this.sip.wantsOnline,
      ...(account ? { aor: account.aor } : {}),
      connection: this.sip.connection,
      registration: this.sip.registration,
      ...(registrationError ? { registrationError } : {}),
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
    await this.sip.configure(account, wantsOnline);
    return this.snapshot();
  }

  async call(input: string): Promise<{ callId: string }> {
    // A phone that is still registering (just started, reconnecting) places the call once it can.
    const { manager } = await this.sip.whenRegistered();
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
    // Stops the ringtone and the notification at once; media setup takes a moment.
    this.calls.apply(callId, 'answering');
    this.changed();
    try {
      // Call waiting: the call in progress goes on hold first.
      await this.controls.holdOthers(callId);
      await this.accept(session);
    } catch (error) {
      if (session.state === SessionState.Initial) {
        this.calls.apply(callId, 'answerFailed');
        this.changed();
      }
      throw error;
    }
  }

  private async accept(session: Invitation): Promise<void> {
    const constraints = await this.devices.microphoneConstraints();
    await this.sip.manager?.answer(session, { sessionDescriptionHandlerOptions: { constraints } });
  }

  /** Takes a call that replaces one of ours (attended transfer to us): no hold, no question. */
  private async answerReplacement(callId: string): Promise<void> {
    const session = this.calls.session(callId);
    if (!(session instanceof Invitation)) return;
    // Never shown as ringing: it takes the replaced call's place.
    this.calls.apply(callId, 'answering');
    this.changed();
    await this.accept(session);
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
    await this.sip.manager?.hangup(session);
  }

  /** Mute only stops sending our audio (no signalling), so it is instant. */
  setMuted(callId: string, muted: boolean): void {
    this.controls.setMute(callId, muted);
  }

  /** A SIP MESSAGE; resolves once delivered, with the party it went to. */
  async sendMessage(target: string, body: string): Promise<{ to: RemoteParty }> {
    const { manager } = await this.sip.whenRegistered();
    const uri = this.dialUri(target);
    const problem = checkMessageBody(body);
    if (problem) throw new ClickDialError(problem, 'invalid');
    await sendTextMessage(manager, uri, body);
    return { to: { uri, user: /^sips?:([^@]+)@/i.exec(uri)?.[1] ?? uri } };
  }

  // --- calls -------------------------------------------------------------

  private dialUri(input: string): string {
    const account = this.sip.account;
    const dial = toDialTarget(input, account ? accountDomain(account.aor) : undefined);
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
