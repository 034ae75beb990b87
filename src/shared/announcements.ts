// What a screen reader is told when the phone changes, in words: a call that
// rings, waits, is answered, held, muted or ends (with how it ended), an account
// whose registration changes, a message that arrives. Pure: the pages' live
// regions (shared/live-regions.tsx, fed by shared/use-announcements.ts) say what these return.
import { accountLabel, describeAccount, lineName } from './account-selectors';
import { isWaiting } from './call-selectors';
import { partyName, remoteName } from './describe-state';
import { durationWords, t } from './i18n';
import type { EndedCall, PhoneSnapshot, ReceivedMessage } from './snapshot';
import { say } from './words';
import { receivedText } from './conversations';

export interface Announcements {
  /** Said when the reader is done with what it says (role=status). */
  polite: string[];
  /** Said at once: a call that rings. */
  assertive: string[];
}

/** The longest part of a message said aloud; the conversation has the rest. */
export const MESSAGE_WORDS_LIMIT = 140;

const sentence = (text: string) => (/[.!?…。]$/.test(text) ? text : t('say_sentence', { text }));

function callChanges(before: PhoneSnapshot, after: PhoneSnapshot, out: Announcements): void {
  for (const call of after.calls) {
    const was = before.calls.find((c) => c.id === call.id);
    const name = remoteName(call);
    if (call.direction === 'incoming' && call.state === 'ringing' && was?.state !== 'ringing') {
      const line = lineName(after, call.accountId);
      const waiting = isWaiting(call, after.calls);
      out.assertive.push(
        line === undefined
          ? t(waiting ? 'say_call_waiting' : 'say_incoming', { name })
          : t(waiting ? 'say_call_waiting_on_line' : 'say_incoming_on_line', { name, line }),
      );
      continue;
    }
    if (call.direction === 'outgoing' && call.state === 'dialing' && !was) out.polite.push(t('say_calling', { name }));
    if (call.direction === 'outgoing' && call.state === 'ringing' && was?.state !== 'ringing') out.polite.push(t('say_ringing', { name }));
    if (call.state === 'active' && was?.state !== 'active') out.polite.push(t('say_in_call', { name }));
    if (call.state === 'active' && was?.state === 'active') {
      if (call.held && !was.held) out.polite.push(t('say_on_hold', { name }));
      if (!call.held && was.held) out.polite.push(t('say_back_in_call', { name }));
      if (call.remoteHold && !was.remoteHold) out.polite.push(t('say_remote_hold', { name }));
      if (!call.remoteHold && was.remoteHold) out.polite.push(t('say_remote_unhold', { name }));
      // Also said when mute comes from elsewhere (the keyboard shortcut, another page), not only from the pressed button.
      if (call.muted !== was.muted) out.polite.push(t(call.muted ? 'card_say_muted' : 'card_say_unmuted', { name }));
    }
  }
}

function registrationChanges(before: PhoneSnapshot, after: PhoneSnapshot, out: Announcements): void {
  for (const account of after.accounts) {
    const was = before.accounts.find((a) => a.id === account.id);
    const now = describeAccount(account, after.microphone);
    // Compared as said: each snapshot carries its own copy of the words.
    const error = account.registrationError && say(account.registrationError);
    if (was && describeAccount(was, before.microphone) === now && (was.registrationError && say(was.registrationError)) === error) continue;
    // Transient states ("Connecting…") are left out: the reader hears where it lands.
    if (account.wantsOnline && account.registration !== 'registered' && account.registration !== 'failed') {
      if (account.connection === 'connecting' || account.registration === 'registering') continue;
    }
    const label = accountLabel(account.aor);
    out.polite.push(
      error
        ? t('say_account_state_error', { account: label, state: sentence(now), error: sentence(error) })
        : t('say_account_state', { account: label, state: sentence(now) }),
    );
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
  const name = remoteName(call);
  const incoming = call.direction === 'incoming';
  switch (outcome) {
    case 'completed':
      return t('say_ended_completed', { name, duration: durationWords(endedAt - (call.answeredAt ?? endedAt)) });
    case 'missed':
      return t('say_ended_missed', { name });
    case 'declined':
      return t(incoming ? 'say_ended_declined_in' : 'say_ended_declined_out', { name });
    case 'answered-elsewhere':
      return t('say_ended_elsewhere', { name });
    case 'cancelled':
      return incoming ? t('say_ended_missed', { name }) : t('say_ended_not_answered', { name });
    case 'failed':
      if (reason === undefined) return t(incoming ? 'say_ended_failed_in' : 'say_ended_failed_out', { name });
      return t(incoming ? 'say_ended_failed_in_why' : 'say_ended_failed_out_why', { name, reason: sentence(say(reason)) });
    case 'dropped':
      return reason === undefined ? t('say_ended_dropped', { name }) : t('say_ended_dropped_why', { name, reason: sentence(say(reason)) });
  }
}

export function messageAnnouncement(message: ReceivedMessage): string {
  const body = receivedText(message).replace(/\s+/g, ' ').trim();
  const said = body.length > MESSAGE_WORDS_LIMIT ? `${body.slice(0, MESSAGE_WORDS_LIMIT)}…` : body;
  return t('say_message', { name: partyName(message.from), body: said });
}
