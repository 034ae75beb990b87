// What a screen reader is told when the phone changes, in words: a call that
// rings, waits, is answered, held or ends (with how it ended), an account
// whose registration changes, a message that arrives. Pure: the pages' live
// regions (shared/live-regions.tsx, fed by shared/use-announcements.ts) say what these return.
import { accountLabel, describeAccount, lineName } from './account-selectors';
import { isWaiting, partyName } from './call-selectors';
import { formatDuration } from './describe-state';
import type { CallSnapshot, EndedCall, PhoneSnapshot, ReceivedMessage } from './snapshot';

export interface Announcements {
  /** Said when the reader is done with what it says (role=status). */
  polite: string[];
  /** Said at once: a call that rings. */
  assertive: string[];
}

/** The longest part of a message said aloud; the conversation has the rest. */
export const MESSAGE_WORDS_LIMIT = 140;

const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

function onLine(after: PhoneSnapshot, call: CallSnapshot): string {
  const line = lineName(after, call.accountId);
  return line === undefined ? '' : ` on ${line}`;
}

function callChanges(before: PhoneSnapshot, after: PhoneSnapshot, out: Announcements): void {
  for (const call of after.calls) {
    const was = before.calls.find((c) => c.id === call.id);
    const name = partyName(call.remote);
    if (call.direction === 'incoming' && call.state === 'ringing' && was?.state !== 'ringing') {
      out.assertive.push(
        isWaiting(call, after.calls)
          ? `Call waiting: ${name} is calling${onLine(after, call)}.`
          : `Incoming call from ${name}${onLine(after, call)}.`,
      );
      continue;
    }
    if (call.direction === 'outgoing' && call.state === 'dialing' && !was) out.polite.push(`Calling ${name}…`);
    if (call.direction === 'outgoing' && call.state === 'ringing' && was?.state !== 'ringing') out.polite.push(`Ringing ${name}…`);
    if (call.state === 'active' && was?.state !== 'active') out.polite.push(`In call with ${name}.`);
    if (call.state === 'active' && was?.state === 'active') {
      if (call.held && !was.held) out.polite.push(`${name} is on hold.`);
      if (!call.held && was.held) out.polite.push(`Back in the call with ${name}.`);
      if (call.remoteHold && !was.remoteHold) out.polite.push(`${name} put you on hold.`);
      if (!call.remoteHold && was.remoteHold) out.polite.push(`${name} took you off hold.`);
    }
  }
}

function registrationChanges(before: PhoneSnapshot, after: PhoneSnapshot, out: Announcements): void {
  for (const account of after.accounts) {
    const was = before.accounts.find((a) => a.id === account.id);
    const now = describeAccount(account, after.microphone);
    const error = account.registrationError;
    if (was && describeAccount(was, before.microphone) === now && was.registrationError === error) continue;
    // Transient words ("Connecting…") are left out: the reader hears where it lands.
    if (!was && (account.registration === 'registering' || account.connection === 'connecting')) continue;
    if (now === 'Connecting…' || now === 'Registering…') continue;
    out.polite.push(`${accountLabel(account.aor)}: ${sentence(now)}${error ? ` ${sentence(error)}` : ''}`);
  }
}

/** What changed from one snapshot to the next; `calls: false` for pages that show no calls (the options). */
export function snapshotAnnouncements(
  before: PhoneSnapshot,
  after: PhoneSnapshot,
  { calls = true }: { calls?: boolean } = {},
): Announcements {
  const out: Announcements = { polite: [], assertive: [] };
  if (calls) callChanges(before, after, out);
  registrationChanges(before, after, out);
  return out;
}

/** How a call ended, as a sentence. */
export function endedAnnouncement({ call, outcome, endedAt, reason }: EndedCall): string {
  const name = partyName(call.remote);
  const incoming = call.direction === 'incoming';
  const why = reason === undefined ? '.' : `: ${sentence(reason)}`;
  switch (outcome) {
    case 'completed':
      return `Call with ${name} ended after ${formatDuration(endedAt - (call.answeredAt ?? endedAt))}.`;
    case 'missed':
      return `Missed call from ${name}.`;
    case 'declined':
      return incoming ? `Declined the call from ${name}.` : `${name} declined the call.`;
    case 'answered-elsewhere':
      return `The call from ${name} was answered elsewhere.`;
    case 'cancelled':
      return incoming ? `Missed call from ${name}.` : `Call to ${name} not answered.`;
    case 'failed':
      return `${incoming ? 'Call from' : 'Call to'} ${name} failed${why}`;
    case 'dropped':
      return `Call with ${name} dropped${why}`;
  }
}

export function messageAnnouncement(message: ReceivedMessage): string {
  const body = message.body.replace(/\s+/g, ' ').trim();
  const said = body.length > MESSAGE_WORDS_LIMIT ? `${body.slice(0, MESSAGE_WORDS_LIMIT)}…` : body;
  return `New message from ${partyName(message.from)}: ${said}`;
}
