// An in-memory SIP world for the phone's unit tests: SIP.js's real stack on
// both sides, with the network and the media replaced.
// - SipWire: a tiny registrar and proxy. It answers REGISTERs itself (200, or
//   403 for an account told to refuse), and carries every other message
//   between the phone's transports (one per account) and one far end,
//   routing by Call-ID, and initial requests from the far end by the account
//   registered for their Request-URI, else the far end of that address (480
//   when there is none). Several far ends may be on the wire (a transfer
//   target beside the transferee): the phone's requests go to the far end of
//   their Request-URI, else the first.
// - FakeTransport: SIP.js's Transport interface over the wire; a "down" wire
//   refuses connections, `drop()` loses one like a dead server would.
// - Fake media: a SessionDescriptionHandler that writes and reads SDP without
//   WebRTC (sendonly when holding), and the few browser globals SIP.js touches.
// Messages are delivered in tasks of their own (setTimeout 0), as a socket would.
import {
  Core,
  EmitterImpl,
  Inviter,
  SIPExtension,
  TransportState,
  UserAgent,
  Web,
  type Emitter,
  type Invitation,
  type Session,
  type SessionDescriptionHandlerFactory,
  type Transport,
  type UserAgentOptions,
} from 'sip.js';
import type { SipStack } from '../../src/offscreen/manager-options';
import { describeConnectionFailure } from '../../src/offscreen/sip-status';

// --- browser media, faked --------------------------------------------------

class FakeMediaStream extends EventTarget {
  getTracks(): MediaStreamTrack[] {
    return [];
  }
  getAudioTracks(): MediaStreamTrack[] {
    return [];
  }
  getVideoTracks(): MediaStreamTrack[] {
    return [];
  }
  addTrack(): void {}
  removeTrack(): void {}
}

/**
 * What Chromium refuses in a remote description, as Chromium says it: the
 * SDP here is the world's own (sdp() below), so only what a test took out
 * of it is missing.
 */
function browserRefusal(sdp: string, type: 'offer' | 'answer'): Error | undefined {
  if (!/^a=ice-ufrag:/m.test(sdp)) return new Error(`Failed to set remote ${type} sdp: Called with SDP without ice-ufrag and ice-pwd.`);
  if (!/^a=rtcp-mux/m.test(sdp)) {
    return new Error(
      `Failed to set remote ${type} sdp: The m= section with mid='0' is invalid. RTCP-MUX is not enabled when it is required.`,
    );
  }
  return undefined;
}

/** A peer connection without a network: its ICE state is what the world or a test says. */
export class FakePeerConnection extends EventTarget {
  /** Every connection made, in order (the phone's and the far end's; `owner` tells them apart). */
  static readonly made: FakePeerConnection[] = [];
  /** Whether a path between the two sides exists: an exchange of descriptions connects ICE only then. */
  static reachable = true;
  /** The address of the user agent whose connection this is (set by fakeSdhFactory). */
  owner = '';
  signalingState = 'stable';
  connectionState = 'new';
  iceConnectionState: RTCIceConnectionState = 'new';
  iceGatheringState = 'complete';
  constructor(private readonly configuration: RTCConfiguration = {}) {
    super();
    FakePeerConnection.made.push(this);
  }
  getConfiguration(): RTCConfiguration {
    return this.configuration;
  }
  getSenders(): RTCRtpSender[] {
    return [];
  }
  getReceivers(): RTCRtpReceiver[] {
    return [];
  }
  getTransceivers(): RTCRtpTransceiver[] {
    return [];
  }
  /** Used alone by the phone's check of an incoming offer. */
  setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    const refused = browserRefusal(description.sdp ?? '', description.type === 'answer' ? 'answer' : 'offer');
    return refused ? Promise.reject(refused) : Promise.resolve();
  }
  /** The network moves this connection's ICE state (a task later, as a browser reports it). */
  setIce(state: RTCIceConnectionState): void {
    this.iceConnectionState = state;
    this.dispatchEvent(new Event('iceconnectionstatechange'));
  }
  close(): void {
    this.connectionState = 'closed';
    this.signalingState = 'closed';
  }
}

/** The browser globals SIP.js and the phone touch; the microphone is granted. */
export function installMediaFakes(): void {
  Object.assign(globalThis, { MediaStream: FakeMediaStream, RTCPeerConnection: FakePeerConnection });
  Object.defineProperty(navigator, 'permissions', {
    configurable: true,
    value: { query: () => Promise.resolve({ state: 'granted' }) },
  });
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: {
      enumerateDevices: () => Promise.resolve([]),
      getUserMedia: () => Promise.resolve(new FakeMediaStream()),
      addEventListener: () => undefined,
    },
  });
}

function sdp(direction: 'sendrecv' | 'sendonly', ufrag: string): string {
  return [
    'v=0',
    'o=- 1 1 IN IP4 127.0.0.1',
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 0',
    `a=ice-ufrag:${ufrag}`,
    'a=ice-pwd:fakefakefakefakefakefake',
    'a=rtcp-mux',
    `a=${direction}`,
    '',
  ].join('\r\n');
}

export { sdp as fakeSdp };

/** Media setup that always works, unless told to fail the next offer or answer. */
export class FakeSessionDescriptionHandler extends Web.SessionDescriptionHandler {
  /** The next description fails (media that cannot be set up). */
  static failNext = false;
  /** The next offer or answer taken fails (the far end refuses a re-INVITE with 488). */
  static failNextTake = false;
  /** Descriptions take this long (media setup under way). */
  static delayMs = 0;
  /** Rewrites the next description made (a far end whose SDP lacks what browsers require). */
  static mungeNext: ((sdp: string) => string) | undefined;
  /** Offers made with offerOptions.iceRestart, over all handlers. */
  static iceRestarts = 0;
  private ufrag = `u${Math.random().toString(36).slice(2, 8)}`;
  private local = false;
  private remote = false;

  private get fakePc(): FakePeerConnection {
    return this.peerConnection as unknown as FakePeerConnection;
  }

  /** Both descriptions in: ICE checks, and connects when there is a path (a task later). */
  private exchanged(): void {
    if (!this.local || !this.remote) return;
    const pc = this.fakePc;
    setTimeout(() => {
      if (pc.iceConnectionState === 'closed') return;
      pc.setIce('checking');
      if (FakePeerConnection.reachable) pc.setIce('connected');
    }, 0);
  }

  override async getDescription(options?: Web.SessionDescriptionHandlerOptions): Promise<{ body: string; contentType: string }> {
    if (FakeSessionDescriptionHandler.delayMs > 0) await new Promise((r) => setTimeout(r, FakeSessionDescriptionHandler.delayMs));
    if (FakeSessionDescriptionHandler.failNext) {
      FakeSessionDescriptionHandler.failNext = false;
      throw new Error('no media (test)');
    }
    if (options?.offerOptions?.iceRestart) {
      FakeSessionDescriptionHandler.iceRestarts += 1;
      this.ufrag = `u${Math.random().toString(36).slice(2, 8)}`;
      this.remote = false;
    }
    let body = sdp(options?.hold ? 'sendonly' : 'sendrecv', this.ufrag);
    const munge = FakeSessionDescriptionHandler.mungeNext;
    FakeSessionDescriptionHandler.mungeNext = undefined;
    if (munge) body = munge(body);
    this.local = true;
    this.exchanged();
    return { body, contentType: 'application/sdp' };
  }
  override setDescription(description: string): Promise<void> {
    if (FakeSessionDescriptionHandler.failNextTake) {
      FakeSessionDescriptionHandler.failNextTake = false;
      return Promise.reject(new Error('cannot take this offer (test)'));
    }
    const refused = browserRefusal(description, this.local && !this.remote ? 'answer' : 'offer');
    if (refused) return Promise.reject(refused);
    this.remote = true;
    this.exchanged();
    return Promise.resolve();
  }
  override hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }
  override sendDtmf(): boolean {
    return true;
  }
  override close(): void {
    this.fakePc.close();
    this.fakePc.iceConnectionState = 'closed';
  }
}

export const fakeSdhFactory: SessionDescriptionHandlerFactory = (session) => {
  const sdh = new FakeSessionDescriptionHandler(session.userAgent.getLogger('sip.fake-sdh'), () => Promise.resolve(new MediaStream()), {});
  (sdh.peerConnection as unknown as FakePeerConnection).owner = session.userAgent.configuration.uri.toString();
  return sdh;
};

/** The newest open peer connection of the user agent at `aor`. */
export function peerConnectionOf(aor: string): FakePeerConnection {
  const pc = FakePeerConnection.made.filter((p) => p.owner === aor && p.iceConnectionState !== 'closed').at(-1);
  if (!pc) throw new Error(`no open peer connection of ${aor}`);
  return pc;
}

// --- the wire ------------------------------------------------------------

type Side = 'phone' | 'far';

export class FakeTransport implements Transport {
  onConnect: (() => void) | undefined;
  onDisconnect: ((error?: Error) => void) | undefined;
  onMessage: ((message: string) => void) | undefined;
  private current: TransportState = TransportState.Disconnected;
  private readonly states = new EmitterImpl<TransportState>();

  constructor(
    private readonly wire: SipWire,
    readonly side: Side,
  ) {
    wire.attach(this);
  }

  get protocol(): string {
    return 'WS';
  }
  get state(): TransportState {
    return this.current;
  }
  get stateChange(): Emitter<TransportState> {
    return this.states;
  }

  connect(): Promise<void> {
    if (this.current === TransportState.Connected) return Promise.resolve();
    this.move(TransportState.Connecting);
    if (this.side === 'phone') this.wire.connectAttempts += 1;
    if (this.wire.down && this.side === 'phone') {
      this.move(TransportState.Disconnected);
      return Promise.reject(new Error('WebSocket closed (connection refused)'));
    }
    this.move(TransportState.Connected);
    this.onConnect?.();
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    if (this.current === TransportState.Disconnected) return Promise.resolve();
    this.move(TransportState.Disconnected);
    this.onDisconnect?.();
    return Promise.resolve();
  }

  /** The server went away: SIP.js hears of it as a transport error. */
  drop(): void {
    if (this.current !== TransportState.Connected) return;
    this.move(TransportState.Disconnected);
    this.onDisconnect?.(new Error('WebSocket closed (1006)'));
  }

  dispose(): Promise<void> {
    return this.disconnect();
  }

  isConnected(): boolean {
    return this.current === TransportState.Connected;
  }

  send(message: string): Promise<void> {
    if (!this.isConnected()) return Promise.reject(new Error('not connected'));
    setTimeout(() => this.wire.deliver(this, message), 0);
    return Promise.resolve();
  }

  receive(message: string): void {
    if (this.isConnected()) this.onMessage?.(message);
  }

  private move(state: TransportState): void {
    this.current = state;
    this.states.emit(state);
  }
}

const logger = new Core.LoggerFactory().getLogger('sip.wire');

function parse(message: string): Core.IncomingRequestMessage | Core.IncomingResponseMessage {
  const parsed = Core.Parser.parseMessage(message, logger);
  if (!parsed) throw new Error(`the wire could not parse:\n${message}`);
  return parsed;
}

const aorKey = (uri: Core.URI): string => `${uri.user ?? ''}@${uri.host}`.toLowerCase();

export class SipWire {
  /** No connection can be made while down (a server that is gone). */
  down = false;
  /** Swallows everything the phone sends while connections stay up (a black hole: NAT timeout, hung server). */
  silent = false;
  /** How many times the phone's transports tried to connect. */
  connectAttempts = 0;
  /** Accounts (user@host) whose REGISTER is refused with 403. */
  readonly refuse = new Set<string>();
  /** Every message's first line, in order: what went over the wire. */
  readonly log: string[] = [];
  /** Every message whole, in order, with the side that sent it. */
  readonly messages: { from: Side; text: string }[] = [];
  private readonly transports = new Set<FakeTransport>();
  private readonly registered = new Map<string, FakeTransport>();
  /** Call-ID -> the two transports it is between. */
  private readonly links = new Map<string, [FakeTransport, FakeTransport]>();
  /** Far ends by address (user@host); the phone's requests to other addresses go to the first far end. */
  private readonly farByAor = new Map<string, FakeTransport>();
  private tag = 0;

  attach(transport: FakeTransport): void {
    this.transports.add(transport);
  }

  transportFor(side: Side): UserAgentOptions['transportConstructor'] {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the class SIP.js constructs needs this wire
    const wire = this;
    return class extends FakeTransport {
      constructor() {
        super(wire, side);
      }
    };
  }

  /** The phone's transports that are connected now. */
  phoneTransports(): FakeTransport[] {
    return [...this.transports].filter((t) => t.side === 'phone' && t.isConnected());
  }

  /** The server forgets a registration while the connection stays up (a restart, a lost database). */
  forget(aor: string): void {
    this.registered.delete(aor.replace(/^sip:/, '').toLowerCase());
  }

  isRegistered(aor: string): boolean {
    return this.registered.has(aor.replace(/^sip:/, '').toLowerCase());
  }

  /** Names a far end's transport by its address (user@host): the phone's calls to that address go to it. */
  nameFar(transport: FakeTransport, aor: string): void {
    this.farByAor.set(aor.replace(/^sip:/, '').toLowerCase(), transport);
  }

  deliver(from: FakeTransport, message: string): void {
    const parsed = parse(message);
    this.log.push(`${from.side}: ${message.slice(0, message.indexOf('\r\n'))}`);
    this.messages.push({ from: from.side, text: message });
    if (from.side === 'phone' && this.silent) return;
    if (from.side === 'phone' && parsed instanceof Core.IncomingRequestMessage && parsed.method === 'REGISTER') {
      this.register(from, parsed);
      return;
    }
    // OPTIONS to the server itself (keep-alives): answered here.
    if (
      from.side === 'phone' &&
      parsed instanceof Core.IncomingRequestMessage &&
      parsed.method === 'OPTIONS' &&
      !(parsed.ruri as Core.URI).user
    ) {
      from.receive(this.reply(parsed, 200, 'OK'));
      return;
    }
    // A call's messages go between the two transports that started it.
    const link = this.links.get(parsed.callId);
    if (link) {
      (link[0] === from ? link[1] : link[0]).receive(message);
      return;
    }
    if (!(parsed instanceof Core.IncomingRequestMessage)) return;
    const key = aorKey(parsed.ruri as Core.URI);
    const to = from.side === 'phone' ? (this.farByAor.get(key) ?? this.far()) : (this.registered.get(key) ?? this.farByAor.get(key));
    if (!to) {
      if (parsed.method !== 'ACK') from.receive(this.reply(parsed, 480, 'Temporarily Unavailable'));
      return;
    }
    this.links.set(parsed.callId, [from, to]);
    to.receive(message);
  }

  private far(): FakeTransport | undefined {
    return [...this.transports].find((t) => t.side === 'far');
  }

  private register(from: FakeTransport, request: Core.IncomingRequestMessage): void {
    const aor = aorKey(request.to.uri);
    if (this.refuse.has(aor)) {
      from.receive(this.reply(request, 403, 'Forbidden'));
      return;
    }
    const contact = request.getHeader('contact') ?? '';
    const expires = /expires=(\d+)/i.exec(contact)?.[1] ?? request.getHeader('expires') ?? '600';
    if (expires === '0') {
      if (this.registered.get(aor) === from) this.registered.delete(aor);
      from.receive(this.reply(request, 200, 'OK'));
      return;
    }
    this.registered.set(aor, from);
    const uri = /<([^>]+)>/.exec(contact)?.[1] ?? '';
    from.receive(this.reply(request, 200, 'OK', [`Contact: <${uri}>;expires=${expires}`]));
  }

  private reply(request: Core.IncomingRequestMessage, status: number, reason: string, extra: string[] = []): string {
    this.tag += 1;
    const to = request.getHeader('to') ?? '';
    const lines = [
      `SIP/2.0 ${status} ${reason}`,
      ...request.getHeaders('via').map((via) => `Via: ${via}`),
      `From: ${request.getHeader('from') ?? ''}`,
      `To: ${/;tag=/.test(to) ? to : `${to};tag=wire${this.tag}`}`,
      `Call-ID: ${request.callId}`,
      `CSeq: ${request.getHeader('cseq') ?? ''}`,
      ...extra,
      'Content-Length: 0',
      '',
      '',
    ];
    return lines.join('\r\n');
  }
}

// --- the far end -----------------------------------------------------------

/** A far-end SIP.js user agent (1002 at the domain given) on the wire. */
export class FarEnd {
  readonly invitations: Invitation[] = [];
  readonly messages: string[] = [];
  /** Final failure statuses our calls got (486, 487...), in order. */
  readonly rejections: number[] = [];
  readonly ua: UserAgent;

  constructor(wire: SipWire, aor = 'sip:1002@clickdial.test') {
    this.ua = new UserAgent({
      uri: UserAgent.makeURI(aor),
      transportConstructor: wire.transportFor('far'),
      sessionDescriptionHandlerFactory: fakeSdhFactory,
      sipExtensionReplaces: SIPExtension.Supported,
      // Session timers (RFC 4028): the tests' far end sends and answers UPDATE refreshes itself (sendUpdate, answerUpdates).
      sipExtensionExtraSupported: ['timer'],
      // Rings only when a test says so (progress()), so that a call can be answered without ringing first.
      sendInitialProvisionalResponse: false,
      logLevel: 'error',
      delegate: {
        onInvite: (invitation) => {
          this.invitations.push(invitation);
        },
        onMessage: (message) => {
          this.messages.push(message.request.body);
          void message.accept();
        },
      },
    });
    wire.nameFar(this.ua.transport as FakeTransport, aor);
  }

  start(): Promise<void> {
    return this.ua.start();
  }

  stop(): Promise<void> {
    return this.ua.stop();
  }

  /** The newest call that reached the far end. */
  last(): Invitation {
    const invitation = this.invitations.at(-1);
    if (!invitation) throw new Error('no INVITE reached the far end');
    return invitation;
  }

  /** Calls `target` (e.g. sip:1001@clickdial.test); a final failure status is kept in `rejections`. */
  call(target: string, extraHeaders: string[] = []): Inviter {
    const uri = UserAgent.makeURI(target);
    if (!uri) throw new Error(`bad URI ${target}`);
    const inviter = new Inviter(this.ua, uri, { extraHeaders });
    void inviter.invite({ requestDelegate: { onReject: (response) => void this.rejections.push(response.message.statusCode ?? 0) } });
    return inviter;
  }

  /** UPDATEs that reached the far end, and the headers it answers them with (200), or a failure status. */
  readonly updates: Core.IncomingRequestMessage[] = [];
  private updateAnswer: { status: number; headers: string[] } | undefined;

  /**
   * Answers in-dialog UPDATEs (SIP.js itself answers 405): `status` with `headers`
   * (200 echoing the Session-Expires asked for when none are given).
   */
  answerUpdates(status = 200, headers?: string[]): void {
    const first = !this.updateAnswer;
    this.updateAnswer = { status, headers: headers ?? [] };
    if (!first) return;
    const core = this.ua.userAgentCore as unknown as { receiveRequest(m: Core.IncomingRequestMessage): void };
    const receive = core.receiveRequest.bind(core);
    core.receiveRequest = (message) => {
      const answer = this.updateAnswer;
      if (message.method !== 'UPDATE' || !answer) {
        receive(message);
        return;
      }
      this.updates.push(message);
      const uas = new Core.UserAgentServer(Core.NonInviteServerTransaction, this.ua.userAgentCore, message);
      const asked = message.getHeader('session-expires');
      const headers = answer.headers.length || !asked ? answer.headers : [`Session-Expires: ${asked}`, 'Require: timer'];
      if (answer.status === 200) uas.accept({ statusCode: 200, extraHeaders: headers });
      else uas.reject({ statusCode: answer.status, extraHeaders: headers });
    };
  }

  /** Sends an UPDATE in the call's dialog (a session refresh); resolves with the final response. */
  sendUpdate(session: Session, extraHeaders: string[], body?: string): Promise<Core.IncomingResponseMessage> {
    const dialog = session.dialog as Core.SessionDialog | undefined;
    if (!dialog) throw new Error('no dialog');
    const message = dialog.createOutgoingRequestMessage('UPDATE', {
      extraHeaders: [...extraHeaders, `Contact: ${session._contact ?? ''}`],
      ...(body ? { body: { contentDisposition: 'session', contentType: 'application/sdp', content: body } } : {}),
    });
    return new Promise((resolve) => {
      new Core.UserAgentClient(Core.NonInviteClientTransaction, dialog.userAgentCore, message, {
        onAccept: (response) => resolve(response.message),
        onReject: (response) => resolve(response.message),
      });
    });
  }

  /** Puts the call on hold (a sendonly re-INVITE) or resumes it. */
  hold(session: Session, hold: boolean): Promise<unknown> {
    return session.invite({ sessionDescriptionHandlerOptions: { hold } as Web.SessionDescriptionHandlerOptions });
  }
}

/** The phone's SIP stack in this world: its transports on the wire, fake media, no HTTP probe. */
export function worldStack(wire: SipWire): SipStack {
  return {
    transportConstructor: wire.transportFor('phone'),
    sessionDescriptionHandlerFactory: fakeSdhFactory,
    media: {},
    describeUnreachable: (server, error) => Promise.resolve(describeConnectionFailure(server, error)),
  };
}

/** Resolves once `check` is true (checked every 5 ms), or fails naming `what` after 2 s. */
export async function until(check: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
