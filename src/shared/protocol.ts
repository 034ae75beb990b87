// The one message protocol. Each map is keyed by message type and grouped by
// the context that handles it; senders and handlers derive their types from
// these maps, so a renamed field breaks the build rather than a call.
//
// Routing: pages and content scripts send to 'background'. Types in
// PhoneRequests are forwarded by the service worker to 'offscreen' (after it
// made sure the document exists). Events from the phone go to 'subscribers'.
import type { SipAccount } from './account';
import type { EndedCall, PhoneSnapshot } from './snapshot';

/** Handled by the phone in the offscreen document (routed by the service worker). */
export interface PhoneRequests {
  'phone.getSnapshot': { request: Record<string, never>; reply: PhoneSnapshot };
  /** Sent by the service worker only: the saved account and whether to be online. */
  'phone.configure': { request: { account: SipAccount | null; wantsOnline: boolean }; reply: PhoneSnapshot };
  'phone.call': { request: { target: string }; reply: { callId: string } };
  'phone.answer': { request: { callId: string }; reply: null };
  'phone.decline': { request: { callId: string }; reply: null };
  'phone.hangup': { request: { callId: string }; reply: null };
  'phone.refreshMicrophone': { request: Record<string, never>; reply: PhoneSnapshot };
}

/** Handled by the service worker itself. */
export interface BackgroundRequests {
  /** Save the account (validated again here) and go online with it. */
  'account.save': { request: { account: SipAccount }; reply: null };
  'account.get': { request: Record<string, never>; reply: { account: SipAccount | null } };
  /** The user's intent: be registered or not. Kept across restarts. */
  'account.setOnline': { request: { online: boolean }; reply: null };
  'microphone.openOnboarding': { request: Record<string, never>; reply: null };
}

/** Pushed by the phone to every open page and the service worker. */
export interface SubscriberEvents {
  'phone.snapshot': PhoneSnapshot;
  /** One per call, when it ends: feeds missed-call notifications and the call history. */
  'phone.callEnded': EndedCall;
}

export type PhoneType = keyof PhoneRequests;
export type BackgroundType = keyof BackgroundRequests;
export type RequestType = PhoneType | BackgroundType;
export type AllRequests = PhoneRequests & BackgroundRequests;
export type RequestOf<T extends RequestType> = AllRequests[T]['request'];
export type ReplyOf<T extends RequestType> = AllRequests[T]['reply'];

export const PHONE_TYPES: readonly PhoneType[] = [
  'phone.getSnapshot',
  'phone.configure',
  'phone.call',
  'phone.answer',
  'phone.decline',
  'phone.hangup',
  'phone.refreshMicrophone',
];
export const BACKGROUND_TYPES: readonly BackgroundType[] = [
  'account.save',
  'account.get',
  'account.setOnline',
  'microphone.openOnboarding',
];
/** Phone messages that only the service worker may send (never routed from a page). */
export const INTERNAL_PHONE_TYPES: readonly PhoneType[] = ['phone.configure'];

export type Target = 'background' | 'offscreen' | 'subscribers';

export interface RequestEnvelope<T extends RequestType = RequestType> {
  target: 'background' | 'offscreen';
  type: T;
  payload: RequestOf<T>;
}

export interface EventEnvelope<T extends keyof SubscriberEvents = keyof SubscriberEvents> {
  target: 'subscribers';
  type: T;
  payload: SubscriberEvents[T];
}

/** Errors cross the boundary as data and are rethrown at the caller. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { message: string; code: ErrorCode } };

export type ErrorCode =
  | 'bad-message'
  | 'unknown-type'
  | 'forbidden'
  | 'invalid'
  | 'not-configured'
  | 'no-microphone'
  | 'not-connected'
  | 'no-such-call'
  | 'failed';

export class ClickDialError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
  ) {
    super(message);
    this.name = 'ClickDialError';
  }
}

export function isPhoneType(type: unknown): type is PhoneType {
  return typeof type === 'string' && (PHONE_TYPES as readonly string[]).includes(type);
}
export function isBackgroundType(type: unknown): type is BackgroundType {
  return typeof type === 'string' && (BACKGROUND_TYPES as readonly string[]).includes(type);
}

/** Shape check for anything that arrives over runtime messaging. */
export function parseRequest(message: unknown, target: 'background' | 'offscreen'): RequestEnvelope | Reply<never> | null {
  // The service worker is the one receiver every sender reaches, so it alone
  // answers messages that name no target; others stay silent for them.
  const mine = target === 'background';
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return mine ? fail('Malformed message: not an object.', 'bad-message') : null;
  }
  const m = message as Partial<RequestEnvelope>;
  if (typeof m.target !== 'string') return mine ? fail('Malformed message: no target.', 'bad-message') : null;
  if (m.target !== target) return null; // addressed to someone else: not ours to answer
  if (typeof m.type !== 'string') return fail('Malformed message: no type.', 'bad-message');
  const known = target === 'offscreen' ? isPhoneType(m.type) : isPhoneType(m.type) || isBackgroundType(m.type);
  if (!known) return fail(`Unknown message type "${m.type}".`, 'unknown-type');
  if (typeof m.payload !== 'object' || m.payload === null || Array.isArray(m.payload)) {
    return fail(`Malformed message "${m.type}": payload must be an object.`, 'bad-message');
  }
  return m as RequestEnvelope;
}

export function fail(message: string, code: ErrorCode): Reply<never> {
  return { ok: false, error: { message, code } };
}

export function errorReply(error: unknown): Reply<never> {
  if (error instanceof ClickDialError) return fail(error.message, error.code);
  return fail(error instanceof Error ? error.message : String(error), 'failed');
}
