// Our side's RTP counters. The phone keeps its RTCPeerConnections private (and
// test hooks never ship), so the debugger finds them on the offscreen
// document's heap (Runtime.queryObjects) and calls getStats() on each.
import type { BrowserContext } from 'playwright-core';
import { onOffscreenObjects } from './extension-cdp.js';

export interface RtpTotals {
  /** Open peer connections found. */
  connections: number;
  inboundBytes: number;
  outboundBytes: number;
}

const SUM_STATS = `async function () {
  let connections = 0, inboundBytes = 0, outboundBytes = 0;
  for (const pc of this) {
    if (pc.connectionState === 'closed' || pc.signalingState === 'closed') continue;
    connections += 1;
    const stats = await pc.getStats();
    stats.forEach((r) => {
      if (r.type === 'inbound-rtp' && r.kind === 'audio') inboundBytes += r.bytesReceived || 0;
      if (r.type === 'outbound-rtp' && r.kind === 'audio') outboundBytes += r.bytesSent || 0;
    });
  }
  return { connections, inboundBytes, outboundBytes };
}`;

export async function offscreenRtp(context: BrowserContext): Promise<RtpTotals> {
  return onOffscreenObjects<RtpTotals>(context, 'RTCPeerConnection', SUM_STATS);
}

const UNPLUG = `function () {
  let unplugged = 0;
  for (const pc of this) {
    if (pc.connectionState === 'closed') continue;
    for (const sender of pc.getSenders()) {
      const track = sender.track;
      if (!track || track.kind !== 'audio') continue;
      // What the browser does when the device disappears: the track stops and fires "ended"
      // (track.stop() alone does not fire it).
      track.stop();
      track.dispatchEvent(new Event('ended'));
      unplugged += 1;
    }
  }
  return unplugged;
}`;

/** Ends our live microphone tracks as an unplugged device would; returns how many. */
export async function unplugOffscreenMicrophone(context: BrowserContext): Promise<number> {
  return onOffscreenObjects<number>(context, 'RTCPeerConnection', UNPLUG);
}

const LIVE_CAMERAS = `function () {
  const names = [];
  for (const pc of this) {
    if (pc.signalingState === 'closed') continue;
    for (const sender of pc.getSenders()) {
      const track = sender.track;
      if (track && track.kind === 'video' && track.readyState === 'live') names.push(track.label);
    }
  }
  return names;
}`;

/**
 * The names of the cameras our calls hold open (a camera's light is on while it is). Found
 * through the peer connections' senders: a track nothing in script refers to is not on the heap.
 */
export async function openOffscreenCameras(context: BrowserContext): Promise<string[]> {
  return onOffscreenObjects<string[]>(context, 'RTCPeerConnection', LIVE_CAMERAS);
}

/** How many cameras the phone document holds open. */
export async function liveOffscreenCameras(context: BrowserContext): Promise<number> {
  return (await openOffscreenCameras(context)).length;
}
