// Calls on a connection to the SIP server that was lost. The media flows
// peer to peer, so a call can outlive its signalling connection: it is kept
// for 30 s while the phone reconnects (sip-connection.ts keeps SIP.js from
// disposing it), then ended in words and filed as dropped. A hangup meanwhile
// ends the call here at once; its BYE, like those of dropped calls, goes out
// when the connection is back, so the far end is not left with a dead call.
//
//   connected ──lost, with calls──▶ holding (notice: the call goes on)
//   holding ──restored within 30 s──▶ connected (notice; waiting BYEs sent)
//   holding ──30 s──▶ connected-less: each call ended as 'dropped' with the reason, its BYE waiting
//   any ──restored──▶ waiting BYEs sent
import type { Session, UserAgent } from 'sip.js';
import type { DialogRecord } from '../shared/live-calls';
import { dialogRecord, endLostDialog } from './lost-dialogs';
import { words, type Words } from '../shared/words';

/** How long a call waits for its lost connection to come back. */
export const CALL_KEEP_MS = 30_000;
/** The Reason of the BYEs sent once the connection is back. */
const CONNECTION_LOST = 'Reason: SIP;cause=480;text="The connection to the SIP server was lost during the call"';

export interface ConnectionLossHooks {
  /** The ids of the calls on that account. */
  callsOn(accountId: string): string[];
  session(callId: string): Session | undefined;
  /** The call ends as 'dropped', with the reason. */
  markDropped(callId: string, reason: Words): void;
  /** Who the call is with, for the words. */
  partyName(callId: string): string | Words;
  notify(said: Words): void;
  /** The account's user agent, to send the waiting BYEs on once it is connected. */
  userAgent(accountId: string): UserAgent | undefined;
}

export class ConnectionLoss {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly byes = new Map<string, DialogRecord[]>();

  constructor(private readonly hooks: ConnectionLossHooks) {}

  lost(accountId: string): void {
    if (this.timers.has(accountId) || this.hooks.callsOn(accountId).length === 0) return;
    this.hooks.notify(words('connection_dropped_in_call', { seconds: CALL_KEEP_MS / 1000 }));
    this.timers.set(
      accountId,
      setTimeout(() => this.drop(accountId), CALL_KEEP_MS),
    );
  }

  restored(accountId: string): void {
    const timer = this.timers.get(accountId);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.timers.delete(accountId);
      if (this.hooks.callsOn(accountId).length > 0) this.hooks.notify(words('connection_back_in_call'));
    }
    const waiting = this.byes.get(accountId) ?? [];
    this.byes.delete(accountId);
    const userAgent = this.hooks.userAgent(accountId);
    if (userAgent) for (const dialog of waiting) void this.sendBye(userAgent, dialog);
  }

  /** A server just back may not know the far end's new connection yet: a refused BYE is tried again a few times. */
  private async sendBye(userAgent: UserAgent, dialog: DialogRecord, attempt = 0): Promise<void> {
    const status = await endLostDialog(userAgent, { ...dialog, cseq: dialog.cseq + attempt }, CONNECTION_LOST);
    if ((status === 0 || (status >= 400 && status !== 481)) && attempt < 4) {
      await new Promise((r) => setTimeout(r, 2000));
      await this.sendBye(userAgent, dialog, attempt + 1);
    }
  }

  /** A hangup while the connection is down: ended here at once, its BYE sent once the connection is back. */
  hangUp(accountId: string, callId: string): void {
    const session = this.hooks.session(callId);
    if (session) this.endHere(accountId, session);
  }

  private drop(accountId: string): void {
    this.timers.delete(accountId);
    for (const callId of this.hooks.callsOn(accountId)) {
      const session = this.hooks.session(callId);
      if (!session) continue;
      const reason = words('connection_lost_call_ended', { seconds: CALL_KEEP_MS / 1000, who: this.hooks.partyName(callId) });
      this.hooks.markDropped(callId, reason);
      this.hooks.notify(reason);
      this.endHere(accountId, session);
    }
  }

  /** Ends the call here (nothing can be sent now) and keeps its dialog for the BYE once the connection is back. */
  private endHere(accountId: string, session: Session): void {
    const dialog = dialogRecord(session);
    if (dialog) this.byes.set(accountId, [...(this.byes.get(accountId) ?? []), dialog]);
    void session.dispose();
  }
}
