// The "other phone" in e2e tests: a SIP.js 0.21.2 SessionManager in a normal tab, driven by
// tests with page.evaluate(() => window.farEnd.xxx(...)). Everything returned is plain JSON.
// Loaded unbundled: sip.js/lib is ESM with relative .js imports, served by far-end-server.ts.
import { Core, Inviter, Invitation, SIPExtension, Web } from '/sip.js/lib/index.js';

/** @typedef {{ type: string, at: number, detail: Record<string, unknown> }} FarEndEvent */

/** @type {FarEndEvent[]} */
const events = [];
/** @type {Map<string, CallRecord>} */
const calls = new Map();
/** @type {Web.SessionManager | undefined} */
let manager;
let registered = false;
let autoAnswerEnabled = false;
/** Auto-answer with the (fake) camera on. */
let autoAnswerVideo = false;
/** Settles the promise of the register() call in flight from the Registerer's request delegate. */
let pendingRegister;

/**
 * How this far end bends its media descriptions (setMedia): a gateway that
 * answers without rtcp-mux or offers without ICE, or candidates that point at
 * the tests' own UDP relay (harness/udp-relay.ts) so that no direct path exists.
 * @type {{ stripRtcpMux?: boolean, stripIce?: boolean, rejectVideo?: boolean, candidates?: { host: string, port: number }, remoteCandidates?: { host: string, port: number } }}
 */
let media = {};

function dropLines(sdp, pattern) {
  return sdp
    .split('\r\n')
    .filter((line) => !pattern.test(line))
    .join('\r\n');
}

/**
 * Every candidate of the description replaced by one at `host:port` (and the
 * c=/m= address with it). A description without candidates gets that one
 * too: SIP.js answers an ICE restart before gathering again, with none.
 */
function pointCandidatesAt(sdp, { host, port }) {
  const candidate = `a=candidate:1 1 udp 2113937151 ${host} ${port} typ host generation 0`;
  const hasCandidates = /^a=candidate:/m.test(sdp);
  let placed = false;
  return sdp
    .split('\r\n')
    .flatMap((line) => {
      if (line.startsWith('a=candidate:')) {
        if (placed) return [];
        placed = true;
        return [candidate];
      }
      if (!hasCandidates && line.startsWith('a=ice-pwd:')) return [line, candidate];
      if (line.startsWith('c=IN ')) return [`c=IN IP4 ${host}`];
      if (line.startsWith('m=audio ')) return [line.replace(/^m=audio \d+/, `m=audio ${port}`)];
      if (line.startsWith('a=rtcp:')) return [];
      return [line];
    })
    .join('\r\n');
}

/** What we send: after the browser took it as our own, so only the far side sees the change. */
function mungeOurs(sdp) {
  let out = sdp;
  if (media.stripRtcpMux) out = dropLines(out, /^a=rtcp-mux/);
  if (media.stripIce) out = dropLines(out, /^a=ice-(ufrag|pwd|options)/);
  if (media.candidates) out = pointCandidatesAt(out, media.candidates);
  // An audio-only phone: it refuses every video stream (port 0), as RFC 3264 says.
  if (media.rejectVideo) out = out.replace(/^m=video \d+/gm, 'm=video 0');
  return out;
}

/** What we take: the other side's candidates pointed at the relay before the browser sees them. */
function mungeTheirs(sdp) {
  return media.remoteCandidates ? pointCandidatesAt(sdp, media.remoteCandidates) : sdp;
}

const defaultFactory = Web.defaultSessionDescriptionHandlerFactory();
/** SIP.js's own handler, with our descriptions and theirs passed through the munging above. */
function mungingFactory(session, options) {
  const sdh = defaultFactory(session, options);
  const getDescription = sdh.getDescription.bind(sdh);
  const setDescription = sdh.setDescription.bind(sdh);
  sdh.getDescription = async (o, m) => {
    const description = await getDescription(o, m);
    return { ...description, body: mungeOurs(description.body) };
  };
  sdh.setDescription = (sdp, o, m) => setDescription(mungeTheirs(sdp), o, m);
  return sdh;
}

function setMedia(options = {}) {
  media = { ...options };
  return media;
}

/**
 * @typedef {object} CallRecord
 * @property {string} id
 * @property {import('/sip.js/lib/index.js').Session} session
 * @property {'incoming'|'outgoing'} direction
 * @property {string} remoteUri
 * @property {HTMLAudioElement} audio   one element per call: a shared one breaks with two calls
 * @property {boolean} byeReceived
 * @property {boolean} localHangup
 * @property {boolean} canceled
 * @property {number|undefined} finalStatus  final response code to our INVITE
 */

/** @type {Set<{ match: (e: FarEndEvent) => boolean, resolve: (e: FarEndEvent) => void }>} */
const waiters = new Set();

function log(type, detail = {}) {
  const event = { type, at: Date.now(), detail };
  events.push(event);
  for (const waiter of [...waiters]) {
    if (waiter.match(event)) {
      waiters.delete(waiter);
      waiter.resolve(event);
    }
  }
  render();
}

/** Resolves with the next logged event matching `match` (registered before acting, so none is missed). */
function nextEvent(match, what, timeoutMs = 5000) {
  return new Promise((resolve, reject) => {
    const waiter = { match, resolve };
    waiters.add(waiter);
    setTimeout(() => {
      if (waiters.delete(waiter)) reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
  });
}

function render() {
  const status = document.getElementById('status');
  if (status) status.textContent = JSON.stringify(state(), null, 1).slice(0, 4000);
}

function state() {
  return {
    registered,
    autoAnswer: autoAnswerEnabled,
    calls: [...calls.values()].map((c) => ({
      id: c.id,
      state: c.session.state,
      remoteUri: c.remoteUri,
      direction: c.direction,
      finalStatus: c.finalStatus,
      held: manager ? manager.isHeld(c.session) : false,
      muted: manager ? manager.isMuted(c.session) : false,
    })),
    events: events.slice(),
  };
}

/** The call an action applies to: the given id, else the newest call not terminated. */
function pick(callId, filter = () => true) {
  if (callId !== undefined) {
    const rec = calls.get(callId);
    if (!rec) throw new Error(`no call with id ${callId}`);
    return rec;
  }
  const live = [...calls.values()].filter((c) => c.session.state !== 'Terminated' && filter(c));
  const rec = live[live.length - 1];
  if (!rec) throw new Error('no active call');
  return rec;
}

function track(session) {
  const direction = session instanceof Inviter ? 'outgoing' : 'incoming';
  const audio = document.createElement('audio');
  audio.autoplay = true;
  audio.dataset.callId = session.id;
  document.getElementById('audio')?.append(audio);
  /** @type {CallRecord} */
  const rec = {
    id: session.id,
    session,
    direction,
    remoteUri: session.remoteIdentity.uri.toString(),
    audio,
    byeReceived: false,
    localHangup: false,
    canceled: false,
    finalStatus: undefined,
  };
  calls.set(rec.id, rec);
  if (direction === 'outgoing') log('outgoing', { callId: rec.id, remoteUri: rec.remoteUri });

  // SessionManager keeps an existing delegate object and only overwrites onInfo/onRefer,
  // so onBye/onCancel set here survive. A BYE handled here is by definition from the remote.
  session.delegate = session.delegate || {};
  // A re-INVITE from the other side (answered 200) is a session refresh.
  session.delegate.onInvite = (request) => {
    log('reinvite-received', { callId: rec.id, sessionExpires: request.getHeader('session-expires') ?? null });
    refreshed(rec);
  };
  session.stateChange.addListener((state) => {
    if (state === 'Established') startTimer(rec);
    if (state === 'Terminated') stopTimer(rec.id);
  });
  session.delegate.onBye = (bye) => {
    rec.byeReceived = true;
    log('bye-received', { callId: rec.id, from: bye.request.from.uri.toString(), reason: bye.request.getHeader('reason') ?? null });
    bye.accept();
  };
  // A re-INVITE from the other side (hold, or an ICE restart: a new ice-ufrag).
  session.delegate.onInvite = (request) => {
    const body = request.body ?? '';
    log('reinvite', { callId: rec.id, iceUfrag: /^a=ice-ufrag:(\S+)/m.exec(body)?.[1] ?? null });
  };
  if (session instanceof Invitation) {
    session.delegate.onCancel = () => {
      rec.canceled = true;
      log('cancel', { callId: rec.id });
    };
  }
  // initSession() assigns onRefer/onInfo synchronously after onCallCreated: wrap them afterwards.
  queueMicrotask(() => {
    const onRefer = session.delegate?.onRefer;
    if (onRefer) {
      session.delegate.onRefer = (referral) => {
        log('refer', {
          callId: rec.id,
          referTo: referral.referTo.uri.toString(),
          replaces: referral.replaces ?? null,
        });
        onRefer(referral);
      };
    }
    const onInfo = session.delegate?.onInfo;
    if (onInfo) {
      session.delegate.onInfo = (info) => {
        log('info', {
          callId: rec.id,
          contentType: info.request.getHeader('content-type') ?? null,
          body: info.request.body,
        });
        onInfo(info);
      };
    }
  });
  return rec;
}

function recOf(session) {
  return calls.get(session.id);
}

// --- session timers (RFC 4028), as a PBX that requires them -----------------
// With sessionTimers({ interval, refresher }) set, this far end asks for a timer on its calls
// (Session-Expires in its INVITEs, and in its 200s with Require: timer) and keeps it as a strict
// PBX does: when it is the refresher it sends an UPDATE every interval/2 and hangs up if one
// fails; otherwise it hangs up when no refresh (UPDATE or re-INVITE) came within the interval.
// SIP.js itself answers UPDATE with 405: the core's dispatch is wrapped to answer it here.
/** @type {{ interval: number, refresher: 'uac'|'uas' } | undefined} */
let timerConfig;
/** @type {Map<string, { refresh?: number, expiry?: number }>} call id -> its timers */
const timerHandles = new Map();

function sessionTimers(config) {
  timerConfig = config ?? undefined;
  return timerConfig;
}

function stopTimer(id) {
  const t = timerHandles.get(id);
  if (t) {
    clearInterval(t.refresh);
    clearTimeout(t.expiry);
  }
  timerHandles.delete(id);
}

/** The call is established with a timer: refresh it, or watch for the other side's refreshes. */
function startTimer(rec) {
  if (!timerConfig || timerHandles.has(rec.id)) return;
  const { interval, refresher } = timerConfig;
  const weRefresh = (rec.direction === 'outgoing') === (refresher === 'uac');
  const handles = {};
  timerHandles.set(rec.id, handles);
  if (weRefresh) {
    handles.refresh = setInterval(
      () => {
        sendUpdate(rec, [`Session-Expires: ${interval};refresher=uac`]).then((status) => {
          log('refresh-sent', { callId: rec.id, status });
          if (status < 200 || status >= 300) {
            log('refresh-failed', { callId: rec.id, status });
            stopTimer(rec.id);
            hangup(rec.id).catch(() => undefined);
          }
        });
      },
      (interval * 1000) / 2,
    );
  } else {
    refreshed(rec);
  }
}

/** A refresh from the other side: the interval starts again. */
function refreshed(rec) {
  const handles = timerHandles.get(rec.id);
  if (!handles || handles.refresh) return;
  clearTimeout(handles.expiry);
  handles.expiry = setTimeout(() => {
    log('timer-expired', { callId: rec.id });
    stopTimer(rec.id);
    hangup(rec.id).catch(() => undefined);
  }, timerConfig.interval * 1000);
}

/** An UPDATE in the call's dialog; resolves with the final status (408 when none came). */
function sendUpdate(rec, extraHeaders) {
  const dialog = rec.session.dialog;
  if (!dialog) return Promise.resolve(481);
  const message = dialog.createOutgoingRequestMessage('UPDATE', {
    extraHeaders: [...extraHeaders, `Contact: ${rec.session._contact}`],
  });
  return new Promise((resolve) => {
    const timeout = setTimeout(() => resolve(408), 8000);
    const done = (response) => {
      clearTimeout(timeout);
      resolve(response.message.statusCode);
    };
    new Core.UserAgentClient(Core.NonInviteClientTransaction, dialog.userAgentCore, message, { onAccept: done, onReject: done });
  });
}

/** Answers in-dialog UPDATEs 200, echoing the Session-Expires asked for (SIP.js would answer 405). */
function answerUpdates(userAgent) {
  const core = userAgent.userAgentCore;
  const receive = core.receiveRequest.bind(core);
  core.receiveRequest = (message) => {
    const rec = message.method === 'UPDATE' ? [...calls.values()].find((c) => c.session.dialog?.callId === message.callId) : undefined;
    if (!rec) {
      receive(message);
      return;
    }
    const asked = message.getHeader('session-expires');
    log('update-received', { callId: rec.id, sessionExpires: asked ?? null, supported: message.getHeader('supported') ?? null });
    const uas = new Core.UserAgentServer(Core.NonInviteServerTransaction, core, message);
    uas.accept({ statusCode: 200, extraHeaders: asked ? [`Session-Expires: ${asked}`, 'Require: timer'] : [] });
    refreshed(rec);
  };
}

/** @type {Web.SessionManagerDelegate} */
const delegate = {
  onServerConnect: () => log('connected'),
  onServerDisconnect: (error) => {
    registered = false;
    log('disconnected', { error: error ? String(error.message ?? error) : null });
  },
  onRegistered: () => {
    registered = true;
    log('registered');
  },
  onUnregistered: () => {
    registered = false;
    log('unregistered');
  },
  onCallCreated: (session) => {
    track(session);
  },
  onCallReceived: (session) => {
    const rec = recOf(session);
    log('invite', {
      callId: session.id,
      from: rec?.remoteUri,
      replaces: session.request.getHeader('replaces') ?? null,
    });
    // An INVITE with Replaces matching one of our calls (we are the target of an attended
    // transfer) is answered at once like any softphone does; SIP.js then BYEs the replaced call.
    if (autoAnswerEnabled || session.replacee) {
      answer(session.id, { video: autoAnswerVideo }).catch((e) => log('error', { op: 'autoAnswer', message: String(e) }));
    }
  },
  onCallAnswered: (session) => log('answered', { callId: session.id }),
  onCallHangup: (session) => {
    const rec = recOf(session);
    let reason = 'other';
    if (rec?.byeReceived) reason = 'bye-received';
    else if (rec?.localHangup) reason = 'local-hangup';
    else if (rec?.canceled) reason = 'canceled';
    else if (rec?.finalStatus !== undefined) reason = `rejected-${rec.finalStatus}`;
    log('terminated', { callId: session.id, reason });
    rec?.audio.remove();
  },
  onCallHold: (session, held) => log('hold', { callId: session.id, held }),
  // Set at all: without it SessionManager rejects SIP INFO DTMF.
  onCallDTMFReceived: (session, tone, duration) => log('dtmf', { callId: session.id, tone, duration }),
  onMessageReceived: (message) =>
    log('message', {
      from: message.request.from.uri.toString(),
      contentType: message.request.getHeader('content-type') ?? null,
      body: message.request.body,
    }),
  onNotificationReceived: (notification) =>
    log('notify', { body: notification.request.body, event: notification.request.getHeader('event') ?? null }),
};

/**
 * Connect and REGISTER. Resolves once the registrar accepted; rejects with
 * "REGISTER rejected: <code> <reason>" (e.g. 401 for a wrong password: SIP.js answers the
 * first challenge, then gives up on the repeated 401 and reports it).
 */
async function register({ wsUrl, aor, user, password, displayName, logLevel = 'warn', timeoutMs = 10_000 }) {
  if (manager) await disconnect();
  manager = new Web.SessionManager(wsUrl, {
    aor,
    delegate,
    // Tests start a fresh far end when they want to reconnect; do not retry behind their back.
    reconnectionAttempts: 0,
    registrationRetry: false,
    media: {
      constraints: { audio: true, video: false },
      remote: (session) => ({ audio: recOf(session)?.audio }),
    },
    registererRegisterOptions: {
      requestDelegate: {
        onAccept: () => pendingRegister?.resolve(),
        onReject: (response) => {
          const { statusCode, reasonPhrase } = response.message;
          log('register-failed', { statusCode, reasonPhrase });
          pendingRegister?.reject(new Error(`REGISTER rejected: ${statusCode} ${reasonPhrase}`));
        },
      },
    },
    userAgentOptions: {
      authorizationUsername: user,
      authorizationPassword: password,
      displayName,
      logLevel,
      // The extension as Contact user: after a server restart the test Kamailio finds this far
      // end's new connection by it (kamailio.cfg, WITHINDLG).
      contactName: user,
      // Be a valid target of attended transfer (INVITE with Replaces).
      sipExtensionReplaces: SIPExtension.Supported,
      // Session timers: see sessionTimers().
      sipExtensionExtraSupported: ['timer'],
      sessionDescriptionHandlerFactory: mungingFactory,
      sessionDescriptionHandlerFactoryOptions: {
        // [] = no STUN: the default Google STUN server is unreachable here and adds 5 s per call.
        peerConnectionConfiguration: { iceServers: [] },
        iceGatheringTimeout: 2000,
      },
    },
  });
  answerUpdates(manager.userAgent);
  keepCallsOnLoss(manager);
  const done = new Promise((resolve, reject) => {
    pendingRegister = { resolve, reject };
    setTimeout(() => reject(new Error(`REGISTER: no final response within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await manager.connect();
    await manager.register();
    await done;
  } finally {
    pendingRegister = undefined;
  }
  document.getElementById('title').textContent = `far end ${aor}`;
  return state();
}

// --- surviving a lost connection, as ClickDial does (surviveLoss(true)) -------
// SIP.js disposes every call when its WebSocket drops. A far end told to survive keeps its calls
// (SessionManager is told the connection closed normally) and reconnects every 500 ms, which
// registers it again; the media between the two pages never stopped.
let surviveLoss = false;

function survive(on) {
  surviveLoss = Boolean(on);
  return surviveLoss;
}

function keepCallsOnLoss(m) {
  const ua = m.userAgent;
  const original = ua.delegate.onDisconnect;
  ua.delegate.onDisconnect = (error) => {
    if (!surviveLoss || !error) return original.call(ua.delegate, error);
    log('connection-lost', { error: String(error) });
    original.call(ua.delegate, undefined);
    const retry = () => {
      if (manager !== m) return;
      m.connect().then(
        () => log('reconnected'),
        () => setTimeout(retry, 500),
      );
    };
    setTimeout(retry, 500);
  };
}

async function unregister() {
  if (manager) await manager.unregister();
}

async function disconnect() {
  const old = manager;
  manager = undefined;
  registered = false;
  if (old) {
    await old.unregister().catch(() => undefined);
    await old.disconnect().catch(() => undefined);
  }
}

function requireManager() {
  if (!manager) throw new Error('far end not registered: call register() first');
  return manager;
}

/** Place a call; resolves with the call id once the INVITE is sent (not answered). */
/** The constraints of a call: the fake camera too with { video: true }. */
function mediaOptions({ video = false } = {}) {
  return { sessionDescriptionHandlerOptions: { constraints: { audio: true, video: Boolean(video) } } };
}

async function call(targetUri, options = {}) {
  const m = requireManager();
  const timer = timerConfig ? { extraHeaders: [`Session-Expires: ${timerConfig.interval};refresher=${timerConfig.refresher}`] } : {};
  const inviter = await m.call(
    targetUri,
    { ...timer, ...mediaOptions(options) },
    {
      requestDelegate: {
        onProgress: (response) => log('progress', { callId: idOfResponse(response), statusCode: response.message.statusCode }),
        onReject: (response) => {
          const rec = calls.get(idOfResponse(response));
          const { statusCode, reasonPhrase } = response.message;
          if (rec) rec.finalStatus = statusCode;
          log('rejected', { callId: rec?.id, statusCode, reasonPhrase, warning: response.message.getHeader('warning') ?? null });
        },
      },
    },
  );
  return inviter.id;
}

/** Inviter ids are Call-ID + From tag; map a response back to its call. */
function idOfResponse(response) {
  const rec = [...calls.values()].find((c) => c.direction === 'outgoing' && c.session.request.callId === response.message.callId);
  return rec?.id;
}

async function answer(callId, options = {}) {
  const rec = pick(callId, (c) => c.direction === 'incoming' && c.session.state === 'Initial');
  const timer = timerConfig
    ? {
        extraHeaders: [
          `Session-Expires: ${timerConfig.interval};refresher=${timerConfig.refresher}`,
          'Require: timer',
          'Allow: ACK,BYE,CANCEL,INFO,INVITE,MESSAGE,NOTIFY,OPTIONS,PRACK,REFER,UPDATE',
        ],
      }
    : {};
  await requireManager().answer(rec.session, { ...timer, ...mediaOptions(options) });
  return rec.id;
}

/** 183 Session Progress with SDP: early media (what a PBX does for its ringback or announcements). */
async function earlyMedia(callId) {
  const rec = pick(callId, (c) => c.direction === 'incoming' && c.session.state === 'Initial');
  await rec.session.progress({ statusCode: 183 });
  log('early-media', { callId: rec.id });
  return rec.id;
}

/** Reject a ringing incoming call with 486 Busy Here (default) or 603 Decline. */
async function decline(statusCode = 486, callId) {
  const rec = pick(callId, (c) => c.direction === 'incoming' && c.session.state === 'Initial');
  log('declined', { callId: rec.id, statusCode });
  await rec.session.reject({ statusCode });
  return rec.id;
}

/** BYE (established), CANCEL (our ringing call) or 480 (their ringing call). */
async function hangup(callId) {
  const rec = pick(callId);
  rec.localHangup = true;
  log('hangup', { callId: rec.id, state: rec.session.state });
  await requireManager().hangup(rec.session);
  return rec.id;
}

function autoAnswer(enabled = true, video = false) {
  autoAnswerEnabled = Boolean(enabled);
  autoAnswerVideo = Boolean(video);
  return autoAnswerEnabled;
}

/**
 * Hold/unhold and wait for the re-INVITE to complete: SessionManager resolves as soon as it
 * is sent, and a second re-INVITE before the first completes fails with RequestPendingError.
 * Rejects if the far side refused the re-INVITE.
 */
async function setHold(held, callId) {
  const m = requireManager();
  const rec = pick(callId);
  if (m.isHeld(rec.session) === held) return;
  const done = nextEvent((e) => e.type === 'hold' && e.detail.callId === rec.id, `hold=${held} re-INVITE`);
  await (held ? m.hold(rec.session) : m.unhold(rec.session));
  const event = await done;
  if (event.detail.held !== held) throw new Error(`re-INVITE for hold=${held} was rejected`);
}
const hold = (callId) => setHold(true, callId);
const unhold = (callId) => setHold(false, callId);
function mute(callId) {
  requireManager().mute(pick(callId).session);
}
function unmute(callId) {
  requireManager().unmute(pick(callId).session);
}
/** DTMF via SIP INFO (SIP.js default). */
async function sendDtmf(tone, callId) {
  await requireManager().sendDTMF(pick(callId).session, tone);
}
async function message(targetUri, body) {
  await requireManager().message(targetUri, body);
}
/** Blind transfer to a URI, or attended (REFER with Replaces) to another of our call ids. */
async function transfer(target, callId) {
  const rec = pick(callId);
  const to = calls.has(target) ? calls.get(target).session : target;
  await requireManager().transfer(rec.session, to, {
    requestDelegate: {
      onReject: (response) =>
        log('refer-rejected', { callId: rec.id, statusCode: response.message.statusCode, reasonPhrase: response.message.reasonPhrase }),
    },
  });
}

async function rtpStats(callId) {
  let rec;
  try {
    rec = pick(callId);
  } catch {
    return undefined;
  }
  const pc = rec.session.sessionDescriptionHandler?.peerConnection;
  if (!pc) return undefined;
  return pc.getStats();
}

function sumStats(stats, type, field) {
  let sum = 0;
  stats?.forEach((r) => {
    if (r.type === type && (r.kind ?? r.mediaType) === 'audio') sum += r[field] ?? 0;
  });
  return sum;
}

/** Sum of audio inbound-rtp bytesReceived of the current (or given) call; 0 without a call. */
async function inboundRtpBytes(callId) {
  return sumStats(await rtpStats(callId), 'inbound-rtp', 'bytesReceived');
}
async function outboundRtpBytes(callId) {
  return sumStats(await rtpStats(callId), 'outbound-rtp', 'bytesSent');
}
/** Received audio: level now (0..1) and cumulative energy/duration (diff two samples for a window). */
async function audioStats(callId) {
  const stats = await rtpStats(callId);
  return {
    audioLevel: sumStats(stats, 'inbound-rtp', 'audioLevel'),
    totalAudioEnergy: sumStats(stats, 'inbound-rtp', 'totalAudioEnergy'),
    totalSamplesDuration: sumStats(stats, 'inbound-rtp', 'totalSamplesDuration'),
  };
}
async function audioLevel(callId) {
  return (await audioStats(callId)).audioLevel;
}

/** Video of the current (or given) call: frames we decoded and sent, and the size we receive. */
async function videoStats(callId) {
  const stats = await rtpStats(callId);
  const out = { framesDecoded: 0, framesReceived: 0, framesEncoded: 0, frameWidth: 0 };
  stats?.forEach((r) => {
    if ((r.kind ?? r.mediaType) !== 'video') return;
    if (r.type === 'inbound-rtp') {
      out.framesDecoded += r.framesDecoded ?? 0;
      out.framesReceived += r.framesReceived ?? 0;
      out.frameWidth = Math.max(out.frameWidth, r.frameWidth ?? 0);
    }
    if (r.type === 'outbound-rtp') out.framesEncoded += r.framesEncoded ?? 0;
  });
  return out;
}

/** The SDP the other side sent (offer or answer) for the current (or given) call; '' without one. */
function remoteSdp(callId) {
  return pick(callId).session.sessionDescriptionHandler?.peerConnection?.remoteDescription?.sdp ?? '';
}

function clearEvents() {
  events.length = 0;
  render();
}

/** The ice-ufrag of the SDP the other side sent last for the current (or given) call. */
function remoteIceUfrag(callId) {
  return /^a=ice-ufrag:(\S+)/m.exec(remoteSdp(callId))?.[1] ?? '';
}

/** The remote address of the candidate pair our audio uses now ('' before one is chosen). */
async function selectedRemoteAddress(callId) {
  const stats = await rtpStats(callId);
  let address = '';
  stats?.forEach((r) => {
    if (r.type !== 'transport' || !r.selectedCandidatePairId) return;
    const pair = stats.get(r.selectedCandidatePairId);
    const remote = pair && stats.get(pair.remoteCandidateId);
    if (remote) address = `${remote.address ?? remote.ip}:${remote.port}`;
  });
  return address;
}

window.farEnd = {
  survive,
  sessionTimers,
  setMedia,
  remoteIceUfrag,
  selectedRemoteAddress,
  earlyMedia,
  register,
  unregister,
  disconnect,
  call,
  answer,
  decline,
  hangup,
  autoAnswer,
  hold,
  unhold,
  mute,
  unmute,
  sendDtmf,
  message,
  transfer,
  inboundRtpBytes,
  outboundRtpBytes,
  audioLevel,
  audioStats,
  videoStats,
  remoteSdp,
  clearEvents,
  state,
};
render();
