// Servers that are not what the user was told: each listens on loopback and
// misbehaves in one way the phone must put into words.
// - silent: accepts TCP connections and never says a thing (a hung server, a
//   firewall that swallows the handshake);
// - web: a plain web server (the address of the PBX's admin page, not its WebSocket);
// - mute WebSocket: completes the WebSocket handshake, then ignores every SIP message.
import { createHash } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createHttpServer } from 'node:http';

export interface OddServer {
  wsUrl: string;
  /**
   * How long each connection the server took lasted until the client let it
   * go, in ms, as the server saw it (the connections still open are left out):
   * a client's timeout measured where it acts, free of how slowly a page
   * under load shows what came of it.
   */
  heldMs(): number[];
  /** Connections the server took. */
  seen(): number;
  close(): Promise<void>;
}

async function listen(server: Server, sockets: Set<Socket>): Promise<OddServer> {
  const held: number[] = [];
  let seen = 0;
  let closing = false;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    const openedAt = performance.now();
    seen += 1;
    socket.on('close', () => {
      sockets.delete(socket);
      if (!closing) held.push(performance.now() - openedAt);
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('odd server: no port');
  return {
    wsUrl: `ws://127.0.0.1:${address.port}/ws`,
    heldMs: () => [...held],
    seen: () => seen,
    close: async () => {
      closing = true;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function startSilentServer(): Promise<OddServer> {
  // It reads what comes (and drops it): a socket nobody reads never sees the client hang up.
  return listen(
    createServer((socket) => socket.resume()),
    new Set(),
  );
}

export function startWebServer(): Promise<OddServer> {
  const server = createHttpServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<h1>PBX admin</h1>');
  });
  return listen(server, new Set());
}

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export function startMuteWebSocketServer(): Promise<OddServer> {
  const server = createServer((socket) => {
    let head = '';
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      const key = /sec-websocket-key:\s*(\S+)/i.exec(head)?.[1] ?? '';
      const accept = createHash('sha1')
        .update(key + WS_GUID)
        .digest('base64');
      socket.write(
        [
          'HTTP/1.1 101 Switching Protocols',
          'Upgrade: websocket',
          'Connection: Upgrade',
          `Sec-WebSocket-Accept: ${accept}`,
          'Sec-WebSocket-Protocol: sip',
          '',
          '',
        ].join('\r\n'),
      );
      // From here on, every frame is read and ignored.
      socket.on('data', () => undefined);
    };
    socket.on('data', onData);
  });
  return listen(server, new Set());
}
