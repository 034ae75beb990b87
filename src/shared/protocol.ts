// The one message protocol. Each map is keyed by message type and grouped by
// the context that handles it; senders and handlers derive their types from
// these maps, so a renamed field breaks the build rather than a call.
//
// Envelopes name the service they are for, not the place it runs in:
// 'router' (the service worker: it checks senders, routes, and runs the
// account, settings, history, message and click-to-call services), 'phone'
// (the phone; in Chrome it lives in the offscreen document), 'subscribers'
// (every page that renders the phone), 'content' (one tab's content script,
// asked by extension pages with tabs.sendMessage). Pages and content scripts
// send to 'router', which forwards PhoneRequests to 'phone' once the phone
// has started. The phone pulls its configuration when it starts
// ('router.phoneConfig'); a saved change is pushed to it ('phone.configure').
import type { LiveCall } from './live-calls';
import type { FindNumbersRequest, WindowNumbers } from './find-numbers-request';
import type { SipAccount } from './account';
import type { StoredAccount } from './stored-accounts';
import type { ClickToCallSettings } from './click-to-call-settings';
import type { PhoneSettings } from './phone-settings';
import type { ContactInput } from './contacts';
import type { EndedCall, PhoneSnapshot, ReceivedMessage, RemoteParty } from './snapshot';
import { wordsForLog, type Words } from './words';

/** Handled by the phone in the offscreen document (routed by the service worker). */
export interface PhoneRequests {
  'phone.getSnapshot': { request: Record<string, never>; reply: PhoneSnapshot };
  /** Sent by the service worker only: the saved accounts (each with the user's intent), the default one, the phone settings. */
  'phone.configure': { request: PhoneConfig; reply: PhoneSnapshot };
  /** Calls from that account, else the default one. */
  'phone.call': { request: { target: string; accountId?: string; video?: boolean }; reply: { callId: string } };
  /**
   * Answers a ringing call. Any call in progress first goes on hold ('hold', the default: call
   * waiting's "Hold and answer"), or is hung up ('end': "End and answer"); held calls stay held.
   * video: a video call is answered with the camera on (else off; the far end's video still shows).
   */
  'phone.answer': { request: { callId: string; others?: AnswerOthers; video?: boolean }; reply: null };
  /** A video call's camera: on, off, or the next camera of the machine (each by re-INVITE or a track swap). */
  'phone.setCamera': { request: { callId: string; camera: 'on' | 'off' | 'next' }; reply: null };
  'phone.decline': { request: { callId: string }; reply: null };
  'phone.hangup': { request: { callId: string }; reply: null };
  'phone.setMuted': { request: { callId: string; muted: boolean }; reply: null };
  'phone.refreshMicrophone': { request: Record<string, never>; reply: PhoneSnapshot };
  /**
   * "Retry now": that account (else every account that is failing) tries again
   * at once, on a new connection unless calls are on the old one; also after
   * the server refused the password (one attempt per press).
   */
  'phone.retry': { request: { accountId?: string }; reply: PhoneSnapshot };
  'phone.hold': { request: { callId: string; hold: boolean }; reply: null };
  /** Key tones (0-9 * # A-D), by the method the settings choose. */
  'phone.sendDtmf': { request: { callId: string; tones: string }; reply: null };
  /** Makes this call the active one: every other call goes on hold. */
  'phone.switchTo': { request: { callId: string }; reply: null };
  /** Blind transfer: REFER the far end to the target, then hang up our leg. */
  'phone.transfer': { request: { callId: string; target: string }; reply: null };
  /** Attended transfer, step 1: hold the call and call the target. */
  'phone.consult': { request: { callId: string; target: string }; reply: { callId: string } };
  /** Attended transfer, step 2 (callId is the consultation call): join the two parties. */
  'phone.completeTransfer': { request: { callId: string }; reply: null };
  /** Attended transfer given up (callId is the consultation call): hang it up, resume the first call. */
  'phone.cancelTransfer': { request: { callId: string }; reply: null };
  /** Sent by the service worker only (it stores what was sent): a SIP MESSAGE from that account, else the default one. */
  'phone.sendMessage': {
    request: { target: string; body: string; accountId?: string };
    reply: { to: RemoteParty; accountId: string };
  };
}

/** What answering a call does to the call in progress: hold it, or end it. */
export type AnswerOthers = 'hold' | 'end';

/** Everything the phone runs with. */
export interface PhoneConfig {
  /** In the user's order. */
  accounts: StoredAccount[];
  defaultId: string | null;
  settings?: PhoneSettings;
  /** Calls an earlier phone document lost (Chrome closed it): the new phone ends them at the far end. */
  lostCalls?: LiveCall[];
}

/** Handled by the service worker itself. */
export interface BackgroundRequests {
  /** Saves an account (validated again here; a new one without `id`) and goes online with it. */
  'account.save': { request: { id?: string; account: SipAccount }; reply: { id: string } };
  /** The saved accounts in the user's order, and the default one. */
  'account.list': { request: Record<string, never>; reply: { accounts: StoredAccount[]; defaultId: string | null } };
  /** Removes an account: it unregisters, its calls end. */
  'account.remove': { request: { id: string }; reply: null };
  /** Moves an account up (-1) or down (+1) in the list. */
  'account.move': { request: { id: string; offset: number }; reply: null };
  /** Outgoing calls use this account unless another is chosen. */
  'account.setDefault': { request: { id: string }; reply: null };
  /** The user's intent for one account (else the default one): be registered or not. Kept across restarts. */
  'account.setOnline': { request: { id?: string; online: boolean }; reply: null };
  'microphone.openOnboarding': { request: Record<string, never>; reply: null };
  /** The camera's onboarding tab (video calls need the camera allowed there once). */
  'camera.openOnboarding': { request: Record<string, never>; reply: null };
  /** The popup's "Pop out": opens the call window (src/call-window/), or brings the open one forward. */
  'callWindow.open': { request: Record<string, never>; reply: null };
  /** Opens the first-run setup, or brings its open tab forward. */
  'setup.open': { request: Record<string, never>; reply: null };
  'settings.get': { request: Record<string, never>; reply: PhoneSettings };
  /** Validates, saves and hands the settings to the phone. */
  'settings.save': { request: { settings: PhoneSettings }; reply: PhoneSettings };
  /** Sends a text message (from that account, else the default one) and keeps it in the conversation with the contact. */
  'messages.send': { request: { target: string; body: string; accountId?: string }; reply: { contact: string } };
  'messages.markRead': { request: { contact: string }; reply: null };
  'history.clear': { request: Record<string, never>; reply: null };
  /** Adds a contact (no id) or replaces the one with that id (Undo brings a deleted one back under its id). */
  'contacts.save': { request: { id?: string; contact: ContactInput }; reply: { id: string } };
  'contacts.remove': { request: { id: string }; reply: null };
  /** Adds what a file held (parsed in the page), skipping exact duplicates, up to the book's limit. */
  'contacts.import': { request: { contacts: ContactInput[] }; reply: { added: number; duplicates: number; overLimit: number } };
  /**
   * Click-to-call, the one type a content script may send: a number as found
   * on a page (never a URI), the link's visible text, and whether the click
   * passed the intent checks (content/click-intent.ts). The worker checks the
   * sender, re-normalises the number and dials it, asks the user first, or
   * refuses it; the reply is the same in every case.
   */
  'content.call': { request: { number: string; text: string; intentChecked: boolean }; reply: null };
  /**
   * Asked by the phone when it starts, and only by it: the saved accounts,
   * the user's intent for each and the phone settings. The router knows the phone is up once asked.
   */
  'router.phoneConfig': { request: Record<string, never>; reply: Required<PhoneConfig> };
  /**
   * Stage 2 of detection for windows of a page's text (only pages with
   * candidate digits ask): run here so that libphonenumber-js never loads or
   * runs on the page's main thread. One reply per window, in order.
   */
  'content.findNumbers': { request: FindNumbersRequest; reply: WindowNumbers[] };
  /** The click-to-call settings, for a content script that found none in storage.session yet. */
  'content.settings': { request: Record<string, never>; reply: ClickToCallSettings };
}

/**
 * Handled by the content script in a tab's top frame, asked by extension
 * pages only (tabs.sendMessage; the content script refuses anything else).
 */
export interface ContentScriptRequests {
  /** Our links on the page, and whether a cap left numbers unlinked (the popup says so). */
  'content.status': { request: Record<string, never>; reply: { links: number; capped: boolean } };
}
export type ContentScriptType = keyof ContentScriptRequests;
export const CONTENT_SCRIPT_TYPES: readonly ContentScriptType[] = ['content.status'];

export interface ContentScriptEnvelope<T extends ContentScriptType = ContentScriptType> {
  target: 'content';
  type: T;
  payload: ContentScriptRequests[T]['request'];
}

/** Pushed by the phone to every open page and the service worker. */
export interface SubscriberEvents {
  'phone.snapshot': PhoneSnapshot;
  /** One per call, when it ends: feeds missed-call notifications and the call history. */
  'phone.callEnded': EndedCall;
  /** A SIP MESSAGE arrived: the service worker keeps it in the conversations. */
  'phone.messageReceived': ReceivedMessage;
}

export type PhoneType = keyof PhoneRequests;
export type BackgroundType = keyof BackgroundRequests;
export type RequestType = PhoneType | BackgroundType;
export type AllRequests = PhoneRequests & BackgroundRequests;
export type RequestOf<T extends RequestType> = AllRequests[T]['request'];
export type ReplyOf<T extends RequestType> = AllRequests[T]['reply'];

// Every type once, checked against the map above: a type added there and not here fails the build.
const PHONE_TYPES_SET = {
  'phone.getSnapshot': true,
  'phone.configure': true,
  'phone.call': true,
  'phone.answer': true,
  'phone.decline': true,
  'phone.hangup': true,
  'phone.setMuted': true,
  'phone.setCamera': true,
  'phone.refreshMicrophone': true,
  'phone.retry': true,
  'phone.hold': true,
  'phone.sendDtmf': true,
  'phone.switchTo': true,
  'phone.transfer': true,
  'phone.consult': true,
  'phone.completeTransfer': true,
  'phone.cancelTransfer': true,
  'phone.sendMessage': true,
} satisfies Record<PhoneType, true>;
export const PHONE_TYPES = Object.keys(PHONE_TYPES_SET) as readonly PhoneType[];
// Every type once, checked against the map above: a type added there and not here fails the build.
const BACKGROUND_TYPES_SET = {
  'router.phoneConfig': true,
  'account.save': true,
  'account.list': true,
  'account.remove': true,
  'account.move': true,
  'account.setDefault': true,
  'account.setOnline': true,
  'microphone.openOnboarding': true,
  'camera.openOnboarding': true,
  'callWindow.open': true,
  'setup.open': true,
  'settings.get': true,
  'settings.save': true,
  'messages.send': true,
  'messages.markRead': true,
  'history.clear': true,
  'contacts.save': true,
  'contacts.remove': true,
  'contacts.import': true,
  'content.call': true,
  'content.settings': true,
  'content.findNumbers': true,
} satisfies Record<BackgroundType, true>;
export const BACKGROUND_TYPES = Object.keys(BACKGROUND_TYPES_SET) as readonly BackgroundType[];
/** The only requests a content script (in a web page) may make. */
export const CONTENT_TYPES: readonly BackgroundType[] = ['content.call', 'content.settings', 'content.findNumbers'];
/**
 * Reads an extension page (never a content script) may ask of the phone
 * document directly: one hop instead of two through the worker, for the
 * popup's first paint (issue 12). Everything else goes through the worker.
 */
export const PAGE_READ_PHONE_TYPES = ['phone.getSnapshot'] as const satisfies readonly PhoneType[];
export type PageReadPhoneType = (typeof PAGE_READ_PHONE_TYPES)[number];
/** Phone messages that only the service worker may send (never routed from a page). */
export const INTERNAL_PHONE_TYPES: readonly PhoneType[] = ['phone.configure', 'phone.sendMessage'];

export type Target = 'router' | 'phone' | 'subscribers' | 'content';

export interface RequestEnvelope<T extends RequestType = RequestType> {
  target: 'router' | 'phone';
  type: T;
  payload: RequestOf<T>;
}

export interface EventEnvelope<T extends keyof SubscriberEvents = keyof SubscriberEvents> {
  target: 'subscribers';
  type: T;
  payload: SubscriberEvents[T];
}

/** Errors cross the boundary as data and are rethrown at the caller. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

/** `words`: what to tell the user, said by the page in its language (`message` is for logs). */
export interface ReplyError {
  message: string;
  code: ErrorCode;
  words?: Words;
}

export type ErrorCode =
  | 'bad-message'
  | 'unknown-type'
  | 'forbidden'
  | 'invalid'
  | 'not-configured'
  | 'no-microphone'
  | 'no-camera'
  | 'not-connected'
  | 'no-such-call'
  | 'failed';

/**
 * An error for the caller. Given Words, it is said to the user in their language by the
 * page that shows it (the words cross the protocol with the reply; message is their
 * English where chrome.i18n exists, else their key). Plain text is for errors no user reads.
 */
export class ClickDialError extends Error {
  readonly words?: Words;
  constructor(
    what: string | Words,
    readonly code: ErrorCode,
  ) {
    super(typeof what === 'string' ? what : wordsForLog(what));
    this.name = 'ClickDialError';
    if (typeof what !== 'string') this.words = what;
  }
}

export function isPhoneType(type: unknown): type is PhoneType {
  return typeof type === 'string' && (PHONE_TYPES as readonly string[]).includes(type);
}
export function isBackgroundType(type: unknown): type is BackgroundType {
  return typeof type === 'string' && (BACKGROUND_TYPES as readonly string[]).includes(type);
}

/** Shape check for anything that arrives over runtime messaging. */
export function parseRequest(message: unknown, target: 'router' | 'phone'): RequestEnvelope | Reply<never> | null {
  // The service worker is the one receiver every sender reaches, so it alone
  // answers messages that name no target; others stay silent for them.
  const mine = target === 'router';
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return mine ? fail('Malformed message: not an object.', 'bad-message') : null;
  }
  const m = message as Partial<RequestEnvelope>;
  if (typeof m.target !== 'string') return mine ? fail('Malformed message: no target.', 'bad-message') : null;
  if (m.target !== target) return null; // addressed to someone else: not ours to answer
  if (typeof m.type !== 'string') return fail('Malformed message: no type.', 'bad-message');
  const known = target === 'phone' ? isPhoneType(m.type) : isPhoneType(m.type) || isBackgroundType(m.type);
  if (!known) return fail(`Unknown message type "${m.type}".`, 'unknown-type');
  if (typeof m.payload !== 'object' || m.payload === null || Array.isArray(m.payload)) {
    return fail(`Malformed message "${m.type}": payload must be an object.`, 'bad-message');
  }
  return m as RequestEnvelope;
}

export function fail(message: string, code: ErrorCode, words?: Words): Reply<never> {
  return { ok: false, error: { message, code, ...(words ? { words } : {}) } };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What to fill into a sentence about a caught error: its words when it has them (said in the reader's language), else its message. */
export function errorDetail(error: unknown): string | Words {
  return error instanceof ClickDialError && error.words ? error.words : errorMessage(error);
}

export function errorReply(error: unknown): Reply<never> {
  if (error instanceof ClickDialError) return fail(error.message, error.code, error.words);
  return fail(error instanceof Error ? error.message : String(error), 'failed');
}
