// Sees the SIP that leaves each client on its way to Kamailio, with node's
// performance.now() of the moment its first bytes reached us: the bench's
// "INVITE leaving the phone" is taken here, in the same clock as the click
// Playwright dispatched. A loopback TCP proxy (the e2e harness's) sits in
// front of Kamailio; clients are given its address. Client-to-server
// WebSocket frames are masked (RFC 6455 5.3), so they are decoded here, not
// grepped.
//
//   per connection: handshake ──\r\n\r\n──▶ frames ──FIN──▶ one SIP message (text, time of its first frame)
import { performance } from 'node:perf_hooks';
import { startTcpProxy, type TcpProxy } from '../test/e2e/harness/tcp-proxy';

export interface SipSeen {
  /** performance.now() when the chunk holding the message's first byte arrived. */
  at: number;
  /** 'INVITE', 'REGISTER'...; a response is 'SIP/2.0' with its status in `status`. */
  method: string;
  status?: number;
  /** The user part of the From URI. */
  fromUser: string;
  callId: string;
  connection: number;
}

/** Decodes one direction of one WebSocket connection, client to server (masked frames). */
export class ClientFrames {
  private buffer = Buffer.alloc(0);
  private bufferAt = 0;
  private handshakeDone = false;
  private parts: Buffer[] = [];
  private messageAt = 0;

  constructor(private readonly onMessage: (text: string, at: number) => void) {}

  push(chunk: Buffer, at: number): void {
    // Bytes left over from an earlier chunk keep that chunk's time.
    if (this.buffer.length === 0) this.bufferAt = at;
    this.buffer = Buffer.concat([this.buffer, chunk]);
    if (!this.handshakeDone) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      this.handshakeDone = true;
      this.buffer = this.buffer.subarray(end + 4);
      this.bufferAt = at;
    }
    for (;;) {
      const frame = this.nextFrame();
      if (!frame) return;
      if (frame.opcode === 0x8) return; // close: nothing more is SIP
      if (frame.opcode !== 0x1 && frame.opcode !== 0x0) continue; // ping, pong, binary
      if (this.parts.length === 0) this.messageAt = frame.at;
      this.parts.push(frame.payload);
      if (frame.fin) {
        this.onMessage(Buffer.concat(this.parts).toString('utf8'), this.messageAt);
        this.parts = [];
      }
    }
  }

  private nextFrame(): { fin: boolean; opcode: number; payload: Buffer; at: number } | undefined {
    const b = this.buffer;
    if (b.length < 2) return undefined;
    const fin = (b[0] as number) >= 0x80;
    const opcode = (b[0] as number) & 0x0f;
    const masked = (b[1] as number) >= 0x80;
    let length = (b[1] as number) & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (b.length < 4) return undefined;
      length = b.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (b.length < 10) return undefined;
      length = Number(b.readBigUInt64BE(2));
      offset = 10;
    }
    const mask = masked ? b.subarray(offset, offset + 4) : undefined;
    if (masked) offset += 4;
    if (b.length < offset + length) return undefined;
    const payload = Buffer.from(b.subarray(offset, offset + length));
    if (mask) for (let i = 0; i < payload.length; i += 1) payload[i] = (payload[i] as number) ^ (mask[i % 4] as number);
    const at = this.bufferAt;
    this.buffer = b.subarray(offset + length);
    return { fin, opcode, payload, at };
  }
}

/** The request line and the headers the bench needs; undefined when it is not SIP. */
export function parseSip(text: string): Omit<SipSeen, 'at' | 'connection'> | undefined {
  const head = text.split('\r\n\r\n', 1)[0] ?? '';
  const [first = '', ...lines] = head.split('\r\n');
  const response = /^SIP\/2\.0 (\d{3})/.exec(first);
  const request = /^([A-Z]+) \S+ SIP\/2\.0$/.exec(first);
  if (!response && !request) return undefined;
  const header = (long: string, short: string): string => {
    const line = lines.find((l) => new RegExp(`^(${long}|${short})\\s*:`, 'i').test(l));
    return line ? line.slice(line.indexOf(':') + 1).trim() : '';
  };
  const fromUser = /sips?:([^@;>]+)@/.exec(header('From', 'f'))?.[1] ?? '';
  const callId = header('Call-ID', 'i');
  return response ? { method: 'SIP/2.0', status: Number(response[1]), fromUser, callId } : { method: request?.[1] ?? '', fromUser, callId };
}

export interface SipTap {
  /** ws://127.0.0.1:PORT/ws: give this to the clients to watch instead of Kamailio's. */
  wsUrl: string;
  proxy: TcpProxy;
  /** Everything clients sent so far, oldest first. */
  seen(): SipSeen[];
  /** The first `method` request from `fromUser` seen at or after `since`, once it comes. */
  waitFor(method: string, fromUser: string, since: number, timeoutMs?: number): Promise<SipSeen>;
  close(): Promise<void>;
}

export async function startSipTap(kamailioPort: number): Promise<SipTap> {
  const seen: SipSeen[] = [];
  const decoders = new Map<number, ClientFrames>();
  const proxy = await startTcpProxy(kamailioPort, '127.0.0.1', (connection, direction, chunk) => {
    if (direction !== 'up') return;
    const at = performance.now();
    let decoder = decoders.get(connection);
    if (!decoder) {
      decoder = new ClientFrames((text, messageAt) => {
        const sip = parseSip(text);
        if (sip) seen.push({ ...sip, at: messageAt, connection });
      });
      decoders.set(connection, decoder);
    }
    decoder.push(chunk, at);
  });
  const find = (method: string, fromUser: string, since: number) =>
    seen.find((s) => s.method === method && s.fromUser === fromUser && s.at >= since);
  return {
    wsUrl: proxy.wsUrl,
    proxy,
    seen: () => seen.slice(),
    async waitFor(method, fromUser, since, timeoutMs = 10_000) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const hit = find(method, fromUser, since);
        if (hit) return hit;
        if (performance.now() > deadline) throw new Error(`no ${method} from ${fromUser} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    close: () => proxy.close(),
  };
}
