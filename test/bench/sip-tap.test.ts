import { describe, expect, it } from 'vitest';
import { ClientFrames, parseSip } from '../../bench/sip-tap';

/** A client frame as a browser sends it: masked with `mask`. */
function frame(text: string, { fin = true, opcode = 1, mask = [0x12, 0x34, 0x56, 0x78] } = {}): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const length = payload.length;
  const head =
    length < 126
      ? Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | length])
      : Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | 126, length >> 8, length & 0xff]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] as number)));
  return Buffer.concat([head, Buffer.from(mask), masked]);
}

const HANDSHAKE = 'GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nSec-WebSocket-Protocol: sip\r\n\r\n';
const INVITE =
  'INVITE sip:1002@clickdial.test SIP/2.0\r\nVia: SIP/2.0/WSS x.invalid;branch=z9hG4bK1\r\n' +
  'From: "Me" <sip:1001@clickdial.test>;tag=abc\r\nTo: <sip:1002@clickdial.test>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\n' +
  `Content-Length: 200\r\n\r\nv=0\r\n${'a=x\r\n'.repeat(40)}`;

function decoder(): { push: (b: Buffer, at: number) => void; got: { text: string; at: number }[] } {
  const got: { text: string; at: number }[] = [];
  const d = new ClientFrames((text, at) => got.push({ text, at }));
  return { push: (b, at) => d.push(b, at), got };
}

describe('ClientFrames', () => {
  it('skips the handshake and unmasks a long text frame, timed by the chunk its first byte came in', () => {
    const { push, got } = decoder();
    const bytes = Buffer.concat([Buffer.from(HANDSHAKE), frame(INVITE)]);
    const cut = HANDSHAKE.length + 5;
    push(bytes.subarray(0, cut), 10);
    push(bytes.subarray(cut), 20);
    expect(got).toEqual([{ text: INVITE, at: 10 }]);
  });

  it('joins fragments, ignores pings, and takes two messages from one chunk', () => {
    const { push, got } = decoder();
    push(Buffer.from(HANDSHAKE), 1);
    push(Buffer.concat([frame('OPTIONS sip:a SIP/2.0', { fin: false }), frame('', { opcode: 9 }), frame('\r\n\r\n', { opcode: 0 })]), 5);
    push(Buffer.concat([frame('one'), frame('two')]), 7);
    expect(got).toEqual([
      { text: 'OPTIONS sip:a SIP/2.0\r\n\r\n', at: 5 },
      { text: 'one', at: 7 },
      { text: 'two', at: 7 },
    ]);
  });
});

describe('parseSip', () => {
  it('reads the method, the From user and the Call-ID of a request, and the status of a response', () => {
    expect(parseSip(INVITE)).toEqual({ method: 'INVITE', fromUser: '1001', callId: 'c1' });
    expect(parseSip('SIP/2.0 180 Ringing\r\nf: <sip:1002@x>;tag=1\r\ni: c2\r\n\r\n')).toEqual({
      method: 'SIP/2.0',
      status: 180,
      fromUser: '1002',
      callId: 'c2',
    });
    expect(parseSip('\r\n\r\n')).toBeUndefined();
  });
});
