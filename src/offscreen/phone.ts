// The phone: one connection per SIP account (sip-connection.ts, with its
// state diagram), the calls on all of them, and the state around them that
// SIP.js does not keep. All of it lives in one pure model
// (shared/phone-model.ts) that only `dispatch` writes; the snapshot published
// after every change is derived from it.
// Calls: at most settings.maxCalls at once over all accounts (checked here:
// SIP.js lets one more through); only one is off hold, whatever its account;
// controls on calls in progress are in call-controls.ts.
import { Invitation, SessionState, type Web } from 'sip.js';
import { accountDomain, type SipAccount } from '../shared/account';
import { NO_ACCOUNT } from '../shared/account-model';
import { toDialTarget } from '../shared/dial-string';
import { MAX_MESSAGE_LENGTH, messageBodyProblem } from '../shared/conversations';
import { defaultPhoneSettings, parsePhoneSettings, type PhoneSettings } from '../shared/phone-settings';
import { NO_PHONE, phoneSnapshot, reducePhone, type PhoneEvent, type PhoneModel } from '../shared/phone-model';
import { ClickDialError, errorDetail, type AnswerOthers } from '../shared/protocol';
import { words, type Words } from '../shared/words';
import type { EndedCall, MicrophonePermission, PhoneSnapshot, ReceivedMessage, RemoteParty } from '../shared/snapshot';
import { AudioDevices } from './audio-devices';
import { CallControls } from './call-controls';
import { CallEvents } from './call-events';
import { CallRegistry } from './call-registry';
import { queryMicrophone, requireMicrophone } from './microphone-permission';
import { sendTextMessage } from './text-messages';
import { SipConnection } from './sip-connection';
import type { SipStack } from './manager-options';
import { requireCommand, type CallCommand } from '../shared/call-table';
import type { LiveCall } from '../shared/live-calls';
import { endLostCalls, liveCallRecords } from './lost-calls';
import { CALL_KEEP_MS, ConnectionLoss } from './connection-loss';
import { shortPartyName } from '../shared/call-selectors';
import { callStreams, requireCamera, setCamera } from './video-calls';

/** Sent when the user declines: lets the caller's PBX treat it as busy (voicemail). */
const DECLINE_STATUS = 486;

/** One account as the phone is given it: its id, the saved account, the user's intent. */
export interface AccountConfig {
  id: string;
  account: SipAccount;
  wantsOnline: boolean;
}

export class Phone {
  /** The one phone model: written only by `dispatch`. */
  private model: PhoneModel = NO_PHONE;
  /** One connection per account id. */
  private readonly lines = new Map<string, SipConnection>();
  private readonly calls = new CallRegistry({
    model: () => this.model.calls,
    dispatch: (event) => this.dispatch({ type: 'call', event }),
  });
  // Starts from the clock so that a recreated document still counts upwards.
  private revision = Date.now();
  private publishQueued = false;
  /** The last published snapshot's content (revision aside), as JSON. */
  private published = '';
  private settings: PhoneSettings = defaultPhoneSettings();
  private readonly devices = new AudioDevices((text) => this.setNotice(text));
  /** Hold, key tones, switching and transfer: offscreen.ts calls these directly. */
  readonly controls: CallControls = new CallControls({
    manager: (callId) => this.managerOf(callId),
    calls: this.calls,
    settings: () => this.settings,
    changed: () => this.changed(),
    notify: (text) => this.setNotice(text),
    placeCall: (target, accountId) => this.call(target, accountId),
    dialUri: (input, accountId) => this.dialUri(input, accountId),
  });

  private readonly events: CallEvents;
  /** Calls whose connection to the server was lost: kept 30 s, then dropped in words. */
  private readonly loss = new ConnectionLoss({
    callsOn: (accountId) => this.callIdsOn(accountId),
    session: (callId) => this.calls.sessionOf(callId),
    markDropped: (callId, reason) => this.calls.markEnding(callId, 'dropped', reason),
    partyName: (callId) => {
      const call = this.calls.call(callId);
      // The phone keeps no address book: the PBX's name, else the number (pages say the contact's).
      return call ? shortPartyName(call.remote) : words('call_the_other_side');
    },
    notify: (text) => this.setNotice(text),
    userAgent: (accountId) => this.lines.get(accountId)?.manager?.userAgent,
  });

  constructor(
    private readonly publish: (snapshot: PhoneSnapshot) => void,
    callEnded: (ended: EndedCall) => void = () => undefined,
    messageReceived: (message: ReceivedMessage) => void = () => undefined,
    /** SIP.js's network and media parts; its own unless given (see SipStack). */
    private readonly stack: SipStack = {},
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

  private dispatch(event: PhoneEvent): void {
    this.model = reducePhone(this.model, event);
  }

  snapshot(): PhoneSnapshot {
    return phoneSnapshot(this.model, this.revision);
  }

  /** The calls on that account (a connection that carries them is kept when the user retries). */
  private callIdsOn(accountId: string): string[] {
    return this.snapshot()
      .calls.filter((c) => c.accountId === accountId)
      .map((c) => c.id);
  }

  /** The call, checked against the transition table (shared/call-table.ts): a command it does not allow is refused in words. */
  allow(callId: string, command: CallCommand): string {
    const call = this.calls.call(callId);
    if (!call) throw new ClickDialError(words('error_call_already_ended'), 'no-such-call');
    requireCommand(call, command);
    return callId;
  }

  async refreshMicrophone(): Promise<PhoneSnapshot> {
    this.setMicrophone(await queryMicrophone());
    return this.snapshot();
  }

  /**
   * Takes the saved accounts (in the user's order), the default one and the
   * settings, and reconciles with them: removed accounts unregister, new ones
   * connect, each as its intent says.
   */
  configure(accounts: readonly AccountConfig[], defaultId: string | null, settings?: PhoneSettings): PhoneSnapshot {
    if (settings !== undefined) {
      // Applied live: DTMF and the call limit are ours, devices apply per call.
      this.settings = parsePhoneSettings(settings);
      this.devices.apply(this.settings);
      this.dispatch({ type: 'maxCalls', maxCalls: this.settings.maxCalls });
      this.changed();
    }
    const ids = accounts.map((a) => a.id);
    const removed = [...this.lines].filter(([id]) => !ids.includes(id));
    for (const [id] of removed) this.lines.delete(id);
    for (const [, line] of removed) line.stop();
    this.dispatch({ type: 'accountsListed', ids, defaultId });
    this.changed();
    // Never waits for the network: each connection reconciles in the background.
    for (const { id, account, wantsOnline } of accounts) this.line(id).configure(account, wantsOnline);
    return this.snapshot();
  }

  /**
   * allow(), and for requests inside the call (hold, key tones, transfer)
   * waits for a lost connection to come back, as long as the call is kept.
   */
  async ready(callId: string, command: CallCommand): Promise<string> {
    this.allow(callId, command);
    const line = this.lineOf(callId);
    if (line && line.connection !== 'connected' && !(await line.whenConnected(CALL_KEEP_MS))) {
      throw new ClickDialError(words('error_connection_not_back'), 'not-connected');
    }
    return this.allow(callId, command);
  }

  private lineOf(callId: string): SipConnection | undefined {
    const accountId = this.calls.call(callId)?.accountId;
    return accountId === undefined ? undefined : this.lines.get(accountId);
  }

  /** These calls (of the snapshot just published), with what ends each from another phone: what the worker keeps in case this document dies. */
  liveCalls(calls: PhoneSnapshot['calls']): LiveCall[] {
    return liveCallRecords(calls, (id) => this.calls.sessionOf(id));
  }

  /** Ends at the far end the calls an earlier phone document lost (see endLostCalls). */
  endLostCalls(lost: readonly LiveCall[]): Promise<void> {
    return endLostCalls(lost, (accountId) => this.lines.get(accountId));
  }

  /** The browser is online again: every account that is not registered tries now. */
  networkBack(): void {
    for (const line of this.lines.values()) line.retryNow();
  }

  /** "Retry now" for that account, else for every account: each that is not registered tries again at once. */
  retry(accountId?: string): PhoneSnapshot {
    if (accountId !== undefined && !this.lines.has(accountId)) {
      throw new ClickDialError(words('error_account_gone'), 'not-configured');
    }
    for (const [id, line] of this.lines) {
      if (accountId !== undefined && id !== accountId) continue;
      line.retryByUser(this.callIdsOn(id).length > 0);
    }
    return this.snapshot();
  }

  private line(id: string): SipConnection {
    let line = this.lines.get(id);
    if (!line) {
      line = new SipConnection(
        {
          state: () => this.model.accounts[id] ?? NO_ACCOUNT,
          dispatch: (event) => this.dispatch({ type: 'account', id, event }),
          changed: () => this.changed(),
          callDelegate: () => this.events.delegate(id),
          lost: () => this.loss.lost(id),
          restored: () => this.loss.restored(id),
          carriesCalls: () => this.callIdsOn(id).length > 0,
        },
        this.stack,
      );
      this.lines.set(id, line);
    }
    return line;
  }

  /** The account a call goes out on: the one asked for, else the default. */
  private outgoingLine(accountId: string | undefined): { id: string; line: SipConnection } {
    const id = accountId ?? this.model.defaultAccountId;
    const line = id === null ? undefined : this.lines.get(id);
    if (id === null || !line) {
      throw new ClickDialError(words(accountId === undefined ? 'error_set_up_account_first' : 'error_account_gone'), 'not-configured');
    }
    return { id, line };
  }

  private managerOf(callId: string): Web.SessionManager | undefined {
    return this.lineOf(callId)?.manager;
  }

  async call(input: string, accountId?: string, video = false): Promise<{ callId: string }> {
    const { id, line } = this.outgoingLine(accountId);
    // A phone that is still registering (just started, reconnecting) places the call once it can.
    const { manager } = await line.whenRegistered();
    const uri = this.dialUri(input, id);
    this.requireRoom();
    // Before the device check, which may say the chosen microphone is missing.
    this.setNotice(undefined);
    const constraints = withCamera(await this.devices.microphoneConstraints(), video);
    // The devices open while the checks below and SIP.js's call setup run (early-microphone.ts);
    // for an audio call while the microphone was allowed when last looked at: asking for a device
    // without a grant is not done (the check says what to do instead).
    if (!video && this.model.microphone === 'granted') this.stack.microphone?.open(constraints);
    try {
      await this.checkMicrophone();
      if (video) await requireCamera();
      await this.controls.holdOthers();
      this.requireRoom();
      return await this.placeCall(manager, uri, constraints, video);
    } finally {
      this.stack.microphone?.release();
    }
  }

  private async placeCall(
    manager: Web.SessionManager,
    uri: string,
    constraints: MediaStreamConstraints,
    video: boolean,
  ): Promise<{ callId: string }> {
    // earlyMedia: play the PBX's ringback or announcements sent with a 183.
    const { pending } = this.events.placeCall((requestDelegate) =>
      manager.call(uri, { earlyMedia: true, sessionDescriptionHandlerOptions: { constraints } }, { requestDelegate }),
    );
    try {
      const inviter = await pending;
      // Shown as a video call (the preview) while it rings; the answer says what it became.
      if (video) {
        this.calls.patch(inviter.id, { video: { camera: true, remote: false } });
        this.changed();
      }
      return { callId: inviter.id };
    } catch (error) {
      throw new ClickDialError(words('error_call_not_placed', { detail: errorDetail(error) }), 'failed');
    }
  }

  /**
   * `others`: the call in progress goes on hold ("Hold and answer"), or is hung up first ("End and answer").
   * `video`: a video call is answered with the camera on (else off; the far end's video still shows).
   */
  async answer(callId: string, others: AnswerOthers = 'hold', video = false): Promise<void> {
    const session = this.calls.session(callId);
    if (!(session instanceof Invitation) || session.state !== SessionState.Initial) {
      throw new ClickDialError(words('error_answer_not_ringing'), 'invalid');
    }
    await this.checkMicrophone();
    // The camera only for a call that offers video (call-events.ts marked it so when it came in).
    const camera = video && this.calls.call(callId)?.video !== undefined;
    if (camera) await requireCamera();
    // Stops the ringtone and the notification at once; media setup takes a moment.
    this.calls.apply(callId, 'answering');
    this.changed();
    try {
      // Call waiting: the call in progress is ended, or goes on hold, first; held calls stay held.
      if (others === 'end') await this.endTalking(callId);
      await this.controls.holdOthers(callId);
      await this.accept(session, camera);
    } catch (error) {
      if (session.state === SessionState.Initial) {
        this.calls.apply(callId, 'answerFailed');
        this.changed();
      }
      throw error;
    }
  }

  /** Hangs up the calls the user is talking on or placing (not held, not ringing here), but `exceptId`. */
  private async endTalking(exceptId: string): Promise<void> {
    for (const id of this.calls.ids()) {
      const call = id === exceptId ? undefined : this.calls.call(id);
      if (!call || call.held || (call.direction === 'incoming' && call.state === 'ringing')) continue;
      await this.hangup(id);
    }
  }

  private async accept(session: Invitation, video = false): Promise<void> {
    const constraints = withCamera(await this.devices.microphoneConstraints(), video);
    const manager = this.managerOf(session.id);
    if (!manager) throw new ClickDialError(words('error_call_account_offline'), 'not-connected');
    await manager.answer(session, { sessionDescriptionHandlerOptions: { constraints } });
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
      throw new ClickDialError(words('error_decline_not_ringing'), 'invalid');
    }
    this.calls.markEnding(callId, 'declined');
    await session.reject({ statusCode: DECLINE_STATUS });
  }

  async hangup(callId: string): Promise<void> {
    const session = this.calls.session(callId);
    const accountId = this.calls.call(callId)?.accountId;
    const line = accountId === undefined ? undefined : this.lines.get(accountId);
    if (accountId !== undefined && line && line.connection !== 'connected') {
      // Nothing can be sent now: the call ends here, its BYE goes out when the connection is back.
      this.loss.hangUp(accountId, callId);
      return;
    }
    await line?.manager?.hangup(session);
  }

  /** Mute only stops sending our audio (no signalling), so it is instant. */
  setMuted(callId: string, muted: boolean): void {
    this.controls.setMute(callId, muted);
  }

  async setCamera(callId: string, camera: 'on' | 'off' | 'next'): Promise<void> {
    await setCamera(this.calls.session(callId), camera);
  }

  /** What a page shows of a call's video (the streams stay in this document). */
  streams(callId: string): { local: MediaStream; remote: MediaStream } | undefined {
    return callStreams(this.calls.sessionOf(callId));
  }

  /** A SIP MESSAGE from that account (else the default one); resolves once delivered, with the party it went to. */
  async sendMessage(target: string, body: string, accountId?: string): Promise<{ to: RemoteParty; accountId: string }> {
    const { id, line } = this.outgoingLine(accountId);
    const { manager } = await line.whenRegistered();
    const uri = this.dialUri(target, id);
    // The popup and the worker check this first; the phone's own check is a defence.
    const problem = messageBodyProblem(body);
    if (problem === 'empty') throw new ClickDialError(words('error_type_a_message'), 'invalid');
    if (problem === 'too-long') throw new ClickDialError(words('error_message_too_long', { count: String(MAX_MESSAGE_LENGTH) }), 'invalid');
    await sendTextMessage(manager, uri, body);
    return { to: { uri, user: /^sips?:([^@]+)@/i.exec(uri)?.[1] ?? uri }, accountId: id };
  }

  // --- calls -------------------------------------------------------------

  /** A number or address as a URI on the account's own domain. */
  private dialUri(input: string, accountId: string): string {
    const account = this.lines.get(accountId)?.account;
    const dial = toDialTarget(input, account ? accountDomain(account.aor) : undefined);
    if (!dial.ok) throw new ClickDialError(dial.error, 'invalid');
    return dial.uri;
  }

  private requireRoom(): void {
    const max = this.settings.maxCalls;
    if (this.calls.count() < max) return;
    throw new ClickDialError(max === 1 ? words('error_calls_at_most_single') : words('error_calls_at_most', { count: max }), 'invalid');
  }

  private setNotice(said: Words | undefined): void {
    this.dispatch({ type: 'notice', notice: said === undefined ? undefined : { words: said, at: Date.now() } });
    this.changed();
  }

  private setMicrophone(permission: MicrophonePermission): void {
    this.dispatch({ type: 'microphone', permission });
    this.changed();
  }

  private async checkMicrophone(): Promise<void> {
    try {
      this.setMicrophone(await requireMicrophone());
    } catch (error) {
      this.setMicrophone(await queryMicrophone());
      throw error;
    }
  }

  /**
   * Coalesces the changes of one turn into one published snapshot, and publishes
   * none when nothing shown changed (a check that found what was known): every
   * snapshot is rendered by every open page, on the main thread this document
   * shares with them, while a call is being placed.
   */
  private changed(): void {
    if (this.publishQueued) return;
    this.publishQueued = true;
    queueMicrotask(() => {
      this.publishQueued = false;
      const content = phoneSnapshot(this.model, 0);
      const shown = JSON.stringify(content);
      if (shown === this.published) return;
      this.published = shown;
      this.revision += 1;
      this.publish({ ...content, revision: this.revision });
    });
  }
}

/** The call's constraints with the camera, for a video call. */
function withCamera(constraints: MediaStreamConstraints, video: boolean): MediaStreamConstraints {
  return video ? { ...constraints, video: true } : constraints;
}
