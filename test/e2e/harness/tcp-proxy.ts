// The tests' own TCP proxy between the phone and Kamailio, to make the
// network misbehave the way real ones do: `blackHole()` keeps every
// connection open but lets nothing through (a NAT mapping that timed out, a
// laptop that changed networks, a hung server), `heal()` lets new traffic through
// again, `cut()` closes every connection (a proxy or load balancer restarting),
// `retarget(port)` sends new connections to another server (open ones stay where they are).
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** ws://127.0.0.1:PORT/ws: the address to give the phone instead of the server's. */
  wsUrl: string;
  port: number;
  /** Connections open now. */
  connections(): number;
  blackHole(): void;
  heal(): void;
  cut(): void;
  retarget(upstreamPort: number): void;
  close(): Promise<void>;
}

/** Told of each chunk before it is forwarded: which connection, which way ('up': client to server). */
export type ProxyObserver = (connection: number, direction: 'up' | 'down', chunk: Buffer) => void;

export async function startTcpProxy(upstreamPort: number, host = '127.0.0.1', observe?: ProxyObserver): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let holed = false;
  let target = upstreamPort;
  let connections = 0;
  const server: Server = createServer((client) => {
    const upstream = connect({ host, port: target });
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const id = (connections += 1);
    const forward = (from: Socket, to: Socket): void => {
      const direction = from === client ? 'up' : 'down';
      from.on('data', (chunk: Buffer) => {
        observe?.(id, direction, chunk);
        // A black hole drops what it is given, and tells nobody.
        if (!holed) to.write(chunk);
      });
    };
    forward(client, upstream);
    forward(upstream, client);
    const end = (): void => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('tcp proxy: no port');
  const port = address.port;
  return {
    wsUrl: `ws://${host}:${port}/ws`,
    port,
    connections: () => pairs.size,
    blackHole: () => {
      holed = true;
    },
    heal: () => {
      holed = false;
    },
    retarget: (port) => {
      target = port;
    },
    cut: () => {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      pairs.clear();
    },
    close: async () => {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
