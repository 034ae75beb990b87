// The one serialisable picture of the phone. Built only in the offscreen
// document and pushed to every live page after each SessionManager event;
// everything else renders it and never keeps call state of its own. What it
// says to the user is Words (shared/words.ts), said by each page in its language.
import type { Words } from './words';

export type ConnectionState = 'disconnected' | 'connecting' | 'connected';
export type RegistrationState = 'unregistered' | 'registering' | 'registered' | 'failed';
export type CallDirection = 'incoming' | 'outgoing';
/** 'connecting': answered here, media still being set up (no longer ringing). */
export type CallState = 'dialing' | 'ringing' | 'connecting' | 'active' | 'ended';
export type MicrophonePermission = 'granted' | 'denied' | 'prompt' | 'unknown';

export interface RemoteParty {
  /** The SIP URI, e.g. sip:1002@example.com */
  uri: string;
  /** The user part (often the number) for display. */
  user: string;
  displayName?: string;
}

export interface CallSnapshot {
  id: string;
  /** The account (line) the call is on: placed from it or received on it. */
  accountId: string;
  direction: CallDirection;
  remote: RemoteParty;
  state: CallState;
  /** Epoch ms when the call was created (dialled or received). */
  createdAt: number;
  /** Epoch ms when the call was answered; talk time counts from here. */
  answeredAt?: number;
  /** We put the call on hold (re-INVITE accepted). */
  held: boolean;
  muted: boolean;
  /** The far end sends audio before answering (183 with SDP): no local ringback then. */
  earlyMedia: boolean;
  /** The far end put us on hold (its re-INVITE was sendonly or inactive); SIP.js does not say. */
  remoteHold: boolean;
  /** Our transfer of this call, while it is under way or after it failed. */
  transfer?: TransferState;
  /** This call is the consultation leg of an attended transfer of that call. */
  consultFor?: string;
  /** The far end asked us (REFER) to call this address instead: we are being transferred. */
  referredTo?: string;
  /** This call was placed because the far end of another call transferred us. */
  referredBy?: string;
  /** A video call (its offer or answer has video); absent on audio calls. */
  video?: CallVideo;
}

export interface CallVideo {
  /** Our camera is sent. */
  camera: boolean;
  /** The far end sends video (the negotiated direction lets it). */
  remote: boolean;
}

export interface TransferState {
  kind: 'blind' | 'attended';
  /** The address we transfer to (blind) or the consultation call's party (attended). */
  target: string;
  /** consulting: talking to the target first; transferring: REFER sent, waiting for its NOTIFY. */
  state: 'consulting' | 'transferring' | 'failed';
  error?: Words;
}

/** How a call ended, as the phone saw it. */
/** 'dropped': the call was cut off by ClickDial's side (the connection to the server was lost for too long, the phone document was closed). */
export type CallOutcome = 'completed' | 'missed' | 'declined' | 'answered-elsewhere' | 'failed' | 'cancelled' | 'dropped';

export interface EndedCall {
  call: CallSnapshot;
  outcome: CallOutcome;
  endedAt: number;
  /** Why a failed or dropped call ended, in words (media that could not be set up, an audio path lost, a connection lost). */
  reason?: Words;
}

/** One SIP account (a line) as the phone has it: the user's intent and what the network gives. */
export interface AccountSnapshot {
  id: string;
  aor: string;
  /** The name the account sends as caller (the options' display name), when set. */
  displayName?: string;
  /** The user's wish ("be online"), kept apart from what the network gives. */
  wantsOnline: boolean;
  connection: ConnectionState;
  registration: RegistrationState;
  /** The last connection or registration problem, in words a user understands. */
  registrationError?: Words;
}

export interface PhoneSnapshot {
  /** The accounts, in the user's order; empty until one has been saved and handed to the phone. */
  accounts: AccountSnapshot[];
  /** The account calls go out on unless another is chosen. */
  defaultAccountId?: string;
  microphone: MicrophonePermission;
  calls: CallSnapshot[];
  /** The connected call that is not on hold: the one keys and the keypad send tones to. */
  activeCallId?: string;
  /** Calls at once (the setting); the popup says so instead of offering more. */
  maxCalls: number;
  /** The last thing worth telling the user about a call (busy, declined, failed). */
  notice?: { words: Words; at: number };
  /** Bumped on every publish so subscribers can drop stale copies. */
  revision: number;
}

export function emptySnapshot(): PhoneSnapshot {
  return {
    accounts: [],
    microphone: 'unknown',
    calls: [],
    maxCalls: 2,
    revision: 0,
  };
}

/** A text message (SIP MESSAGE) that reached the phone. */
export interface ReceivedMessage {
  /** The account it came in on. */
  accountId: string;
  from: RemoteParty;
  /** The text; '' when the message was not text (then `unshown` names its type). */
  body: string;
  /** The MIME type of a message that is not text, which ClickDial cannot show (the page says so in words). */
  unshown?: string;
  at: number;
}
