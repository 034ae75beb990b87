// Issue 12, point 5: the phone document's memory over many calls. 200 short
// calls are placed from the popup, as a user does (the far end answers, we
// hang up). After the 1st call (the baseline: the phone with everything a call
// loads) and every 100th, with the phone idle again, the bench collects garbage
// in the phone document and reads its JS heap, then counts what a call leaves
// behind: peer connections, <audio> elements, live microphone tracks, SIP.js
// sessions and user agents' session tables, and event listeners on the
// document's window and nodes. Target: the heap after the 200th call within
// 2 MB of the heap after the 1st, and nothing left behind. All read through
// the debugger (the offscreen document is a CDP target): nothing test-only
// ships in the extension.
import { popupCalls, waitForPopupCallState } from '../test/e2e/harness/clickdial';
import { card, dial, startRig } from '../test/e2e/harness/call-controls';
import { withOffscreenTarget, type TargetSend } from '../test/e2e/harness/extension-cdp';
import { waitFor } from '../test/e2e/harness/wait';

export interface PhoneLeftovers {
  /** RTCPeerConnections on the heap, and those not closed. */
  peerConnections: number;
  openPeerConnections: number;
  /** Calls' <audio> elements on the heap (all but the ringtone's, which lasts), and those in the document. */
  audioElements: number;
  audioInDocument: number;
  liveMicrophoneTracks: number;
  /** SIP.js Session objects (Inviter, Invitation) still reachable. */
  sessions: number;
  /** Entries in the user agents' session tables and SessionManagers' managed-session lists. */
  sessionTableEntries: number;
  /** Event listeners on window, and on the document and its nodes. */
  windowListeners: number;
  documentListeners: number;
}

export interface HeapPoint extends PhoneLeftovers {
  calls: number;
  heapUsedMb: number;
}

export interface PhoneMemoryBench {
  calls: number;
  points: HeapPoint[];
  /** Heap after the last call minus heap after the first, MB (target: <= 2). */
  growthMb: number;
  ratio: number;
  ok: boolean;
  secondsPerCall: number;
}

const MB = 1024 * 1024;
/**
 * How long the phone is left idle before a reading. SIP.js keeps an answered
 * INVITE's transaction, and with it the call's session and peer connection,
 * for 64*T1 = 32 s after the 2xx (RFC 6026 Timer M for our calls, Timer L
 * for calls we answered) to absorb retransmissions: a reading taken sooner
 * counts every call of the last 32 s as left behind.
 */
const IDLE_MS = 34_000;
const GROUP = 'clickdial-bench';

async function objectId(send: TargetSend, expression: string): Promise<string> {
  const reply = (await send('Runtime.evaluate', { expression, objectGroup: GROUP })) as { result: { objectId: string } };
  return reply.result.objectId;
}

/** Runs `fn` (source, `this` = the array) on every live object whose prototype chain holds `prototype`. */
async function onObjects<T>(send: TargetSend, prototype: string, fn: string): Promise<T> {
  const found = (await send('Runtime.queryObjects', { prototypeObjectId: await objectId(send, prototype), objectGroup: GROUP })) as {
    objects: { objectId: string };
  };
  const reply = (await send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId,
    functionDeclaration: fn,
    returnByValue: true,
    objectGroup: GROUP,
  })) as { result: { value: T } };
  return reply.result.value;
}

async function listenersOn(send: TargetSend, expression: string, depth: number): Promise<number> {
  const reply = (await send('DOMDebugger.getEventListeners', { objectId: await objectId(send, expression), depth, pierce: true })) as {
    listeners: unknown[];
  };
  return reply.listeners.length;
}

async function measure(send: TargetSend, calls: number): Promise<HeapPoint> {
  // Twice: what the first collection frees may hold more (finalizers, weak maps).
  await send('HeapProfiler.collectGarbage');
  await send('HeapProfiler.collectGarbage');
  const { usedSize } = (await send('Runtime.getHeapUsage')) as { usedSize: number };
  try {
    const [peerConnections, openPeerConnections] = await onObjects<[number, number]>(
      send,
      'RTCPeerConnection.prototype',
      `function () { return [this.length, this.filter((pc) => pc.signalingState !== 'closed').length]; }`,
    );
    const [audioElements, audioInDocument] = await onObjects<[number, number]>(
      send,
      'HTMLAudioElement.prototype',
      `function () { const calls = this.filter((a) => a.id !== 'ringtone'); return [calls.length, calls.filter((a) => a.isConnected).length]; }`,
    );
    const liveMicrophoneTracks = await onObjects<number>(
      send,
      'MediaStreamTrack.prototype',
      `function () { return this.filter((t) => t.kind === 'audio' && t.readyState === 'live').length; }`,
    );
    // SIP.js is bundled and minified: its classes are not globals, but its own property names survive.
    const [sessions, sessionTableEntries] = await onObjects<[number, number]>(
      send,
      'Object.prototype',
      `function () {
        const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
        let sessions = 0, entries = 0;
        for (const o of this) {
          if (!o || typeof o !== 'object') continue;
          if (own(o, 'pendingReinviteAck') && own(o, '_userAgent')) sessions += 1;
          else if (own(o, '_sessions') && own(o, '_registerers')) entries += Object.keys(o._sessions).length;
          else if (own(o, 'managedSessions') && Array.isArray(o.managedSessions)) entries += o.managedSessions.length;
        }
        return [sessions, entries];
      }`,
    );
    const windowListeners = await listenersOn(send, 'window', 0);
    const documentListeners = await listenersOn(send, 'document', -1);
    return {
      calls,
      heapUsedMb: usedSize / MB,
      peerConnections,
      openPeerConnections,
      audioElements,
      audioInDocument,
      liveMicrophoneTracks,
      sessions,
      sessionTableEntries,
      windowListeners,
      documentListeners,
    };
  } finally {
    // What the queries handed out must not stay on the heap for the next reading.
    await send('Runtime.releaseObjectGroup', { objectGroup: GROUP });
  }
}

/** The leftovers that must be zero whatever the heap does. */
export function leftBehind(point: PhoneLeftovers): string[] {
  const left: string[] = [];
  if (point.openPeerConnections > 0 || point.peerConnections > 0) left.push(`${point.peerConnections} peer connections`);
  if (point.audioElements > 0) left.push(`${point.audioElements} audio elements`);
  if (point.liveMicrophoneTracks > 0) left.push(`${point.liveMicrophoneTracks} live microphone tracks`);
  if (point.sessions > 0 || point.sessionTableEntries > 0) left.push(`${point.sessions} sessions (${point.sessionTableEntries} in tables)`);
  return left;
}

export async function benchPhoneMemory(calls = 200, every = 100): Promise<PhoneMemoryBench> {
  const rig = await startRig(['1002']);
  try {
    const { popup, farEnd, browser } = rig;
    await farEnd.autoAnswer(true);
    const points: HeapPoint[] = [];
    let busyMs = 0;
    for (let n = 1; n <= calls; n += 1) {
      const began = Date.now();
      await dial(popup, '1002');
      await waitForPopupCallState(popup, 'In call');
      await card(popup, '1002').getByRole('button', { name: 'Hang up' }).click();
      await waitFor(async () => (await popupCalls(popup)).length === 0, { what: `call ${n} to end` });
      busyMs += Date.now() - began;
      if (n % 20 === 0) await farEnd.clearEvents();
      if (n === 1 || n % every === 0 || n === calls) {
        await new Promise((r) => setTimeout(r, IDLE_MS));
        const point = await withOffscreenTarget(browser.context, (send) => measure(send, n));
        points.push(point);
        console.log(`after call ${n}: heap ${point.heapUsedMb.toFixed(2)} MB, left behind: ${leftBehind(point).join(', ') || 'nothing'}`);
      }
    }
    const first = points[0] as HeapPoint;
    const last = points[points.length - 1] as HeapPoint;
    const growthMb = last.heapUsedMb - first.heapUsedMb;
    const stable = last.windowListeners <= first.windowListeners && last.documentListeners <= first.documentListeners;
    return {
      calls,
      points,
      growthMb,
      ratio: last.heapUsedMb / first.heapUsedMb,
      ok: growthMb <= 2 && leftBehind(last).length === 0 && stable,
      secondsPerCall: busyMs / 1000 / calls,
    };
  } finally {
    await rig.stop();
  }
}
