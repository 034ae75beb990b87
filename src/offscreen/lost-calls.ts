// The phone's side of calls that outlive their document: the record the
// worker keeps of each live call, and ending the calls an earlier document
// lost once this one is registered (the SIP of it is in lost-dialogs.ts).
import type { Session } from 'sip.js';
import type { LiveCall } from '../shared/live-calls';
import type { CallSnapshot } from '../shared/snapshot';
import { cancelLostInvite, dialogRecord, endLostDialog, inviteRecord } from './lost-dialogs';
import type { SipConnection } from './sip-connection';

/** Each call with its dialog once established, or its INVITE while our outgoing call is unanswered. */
export function liveCallRecords(calls: readonly CallSnapshot[], sessionOf: (id: string) => Session | undefined): LiveCall[] {
  return calls.map((call) => {
    const session = sessionOf(call.id);
    const dialog = session && dialogRecord(session);
    const invite = session && !dialog ? inviteRecord(session) : undefined;
    return {
      id: call.id,
      accountId: call.accountId,
      direction: call.direction,
      remote: call.remote,
      createdAt: call.createdAt,
      ...(call.answeredAt !== undefined ? { answeredAt: call.answeredAt } : {}),
      ...(dialog ? { dialog } : {}),
      ...(invite ? { invite } : {}),
    };
  });
}

/**
 * A BYE from each saved dialog, a CANCEL for each outgoing call that was
 * still ringing, each once its account is registered. An incoming call that
 * was ringing cannot be answered from here: the caller's PBX times it out;
 * the worker filed it as missed already.
 */
export async function endLostCalls(lost: readonly LiveCall[], lineOf: (accountId: string) => SipConnection | undefined): Promise<void> {
  await Promise.all(
    lost.map(async ({ accountId, dialog, invite }) => {
      const line = lineOf(accountId);
      if ((!dialog && !invite) || !line) return;
      try {
        const { manager } = await line.whenRegistered(15_000);
        if (dialog) await endLostDialog(manager.userAgent, dialog);
        else if (invite) await cancelLostInvite(manager.userAgent, invite);
      } catch {
        // Not registered in time: nothing more can reach that call.
      }
    }),
  );
}
