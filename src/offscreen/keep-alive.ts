// Notices a connection to the SIP server that died without closing (a NAT
// timeout, a laptop changing networks, a server that hangs): the WebSocket
// stays "open" while nothing gets through. One OPTIONS to the registrar every
// 15 s, as RFC 5626 keep-alives do; no answer within 5 s means the connection
// is dead, so the phone learns of it within 20 s instead of never. SIP.js's
// own OPTIONS ping waits for the transaction's 32 s timeout and then ends
// every call, so it is not used.
//
//   stopped ──start──▶ waiting ──15 s──▶ asking ──any answer──▶ waiting
//   asking ──no answer in 5 s, or 408/503──▶ dead (onDead, stopped)
//   any ──stop──▶ stopped
import { UserAgent, type Core } from 'sip.js';

export const KEEP_ALIVE_INTERVAL_MS = 15_000;
export const KEEP_ALIVE_ANSWER_MS = 5_000;

export class KeepAlive {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request: Core.OutgoingRequest | undefined;
  private running = false;

  constructor(
    private readonly userAgent: UserAgent,
    private readonly aor: string,
    private readonly onDead: () => void,
  ) {}

  start(): void {
    this.stop();
    this.running = true;
    this.wait();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.request?.dispose();
    this.request = undefined;
  }

  private wait(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => this.ask(), KEEP_ALIVE_INTERVAL_MS);
  }

  private ask(): void {
    const target = UserAgent.makeURI(this.aor);
    if (!target || !this.running) return;
    // To the registrar (no user part): every server answers OPTIONS to itself.
    const registrar = target.clone();
    registrar.user = undefined;
    const core = this.userAgent.userAgentCore;
    const message = core.makeOutgoingRequestMessage('OPTIONS', registrar, target, target.clone(), {});
    const answered = (): void => {
      clearTimeout(this.timer);
      this.request = undefined;
      this.wait();
    };
    this.timer = setTimeout(() => this.dead(), KEEP_ALIVE_ANSWER_MS);
    this.request = core.request(message, {
      onAccept: answered,
      onReject: (response) => {
        // 408 and 503 are SIP.js's own words for "no answer" and "transport error".
        const status = response.message.statusCode ?? 0;
        if (status === 408 || status === 503) this.dead();
        else answered();
      },
    });
  }

  private dead(): void {
    if (!this.running) return;
    this.stop();
    this.onDead();
  }
}
