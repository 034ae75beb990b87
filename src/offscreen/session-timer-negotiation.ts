// The negotiation of RFC 4028 session timers, as pure functions over SIP
// messages: what the peer asked for or answered, who refreshes, the headers
// of our answers. The patching of SIP.js that uses them is session-timer.ts.
import type { Core } from 'sip.js';

/** What we ask for on our INVITEs (RFC 4028's recommended 30 minutes). */
export const REQUESTED_INTERVAL_S = 1800;
/**
 * The shortest interval we accept (our Min-SE). RFC 4028 puts the floor at
 * 90 s; we take shorter ones too (a refresh is cheap), so a PBX configured
 * with a short timer still works, and answer 422 only below this.
 */
export const MIN_INTERVAL_S = 10;
export const RETRY_MS = 2000;

export type Refresher = 'uac' | 'uas';

/** A Session-Expires or Min-SE header, read. */
export interface Expires {
  interval: number;
  refresher?: Refresher;
}

export function parseSessionExpires(value: string | undefined): Expires | undefined {
  const match = /^\s*(\d+)\s*(?:;(.*))?$/.exec(value ?? '');
  if (!match) return undefined;
  const refresher = /(?:^|;)\s*refresher\s*=\s*(uac|uas)\b/i.exec(match[2] ?? '')?.[1]?.toLowerCase();
  return { interval: Number(match[1]), ...(refresher ? { refresher: refresher as Refresher } : {}) };
}

export type AnyMessage = Core.IncomingRequestMessage | Core.IncomingResponseMessage;

export function sessionExpiresOf(message: AnyMessage): Expires | undefined {
  return parseSessionExpires(message.getHeader('session-expires') ?? message.getHeader('x'));
}
export function tags(message: AnyMessage, name: 'supported' | 'require' | 'allow'): string[] {
  return message
    .getHeaders(name)
    .join(',')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
}

/** The timer as agreed for a call (or a refresh of it). */
export interface Agreement {
  interval: number;
  /** We send the refreshes; otherwise we only watch for the peer's. */
  weRefresh: boolean;
  peerSupportsTimer: boolean;
  peerAllowsUpdate: boolean;
}

export function headerLines(a: Agreement, refresher: Refresher): string[] {
  return [`Session-Expires: ${a.interval};refresher=${refresher}`, ...(a.peerSupportsTimer ? ['Require: timer'] : [])];
}

/** Our answer to a request that carries the peer's Session-Expires (an INVITE, re-INVITE or UPDATE): the agreement and the headers. */
export function answerTo(request: Core.IncomingRequestMessage, current?: Agreement): { agreement?: Agreement; headers: string[] } {
  const asked = sessionExpiresOf(request);
  if (!asked) return { headers: [] };
  const peerSupportsTimer = tags(request, 'supported').includes('timer') || tags(request, 'require').includes('timer');
  const allow = tags(request, 'allow');
  // Who refreshes: as asked; else the peer when it can (it is refreshing now), else us.
  const refresher: Refresher = asked.refresher ?? (peerSupportsTimer ? 'uac' : 'uas');
  const agreement: Agreement = {
    interval: Math.max(asked.interval, MIN_INTERVAL_S),
    weRefresh: refresher === 'uas',
    peerSupportsTimer,
    peerAllowsUpdate: allow.length > 0 ? allow.includes('update') : (current?.peerAllowsUpdate ?? false),
  };
  return { agreement, headers: [...headerLines(agreement, refresher), 'Allow: UPDATE'] };
}

/** The peer's answer to our INVITE, re-INVITE or UPDATE. */
export function agreementFromAnswer(response: Core.IncomingResponseMessage, current?: Agreement): Agreement | undefined {
  const given = sessionExpiresOf(response);
  if (!given) return undefined;
  const peerSupportsTimer = tags(response, 'require').includes('timer') || tags(response, 'supported').includes('timer');
  const allow = tags(response, 'allow');
  // A peer without timers leaves the refreshing to us (RFC 4028 7.2).
  const refresher: Refresher = given.refresher ?? (peerSupportsTimer ? 'uas' : 'uac');
  return {
    interval: given.interval,
    weRefresh: refresher === 'uac',
    peerSupportsTimer,
    peerAllowsUpdate: allow.length > 0 ? allow.includes('update') : (current?.peerAllowsUpdate ?? false),
  };
}

export function withHeaders(lines: string[], extra: string[]): string[] {
  const names = new Set(extra.map((h) => h.slice(0, h.indexOf(':')).toLowerCase()).filter((n) => n !== 'allow'));
  return [...lines.filter((h) => !names.has(h.slice(0, h.indexOf(':')).toLowerCase())), ...extra];
}
