// The tests' own UDP relay, put in the media path between ClickDial and a far
// end whose SDP points both sides' candidates at it (far-end.js setMedia), so
// that no direct path exists and a test can cut the network and bring it back.
//
//   ClickDial ──▶ phonePort ──(from farPort)──▶ far end
//   far end   ──▶ farPort   ──(from phonePort)──▶ ClickDial
//
// Each side's address is learnt from what it sends (the newest loopback
// source: an ICE restart may move to a new socket); its other candidates
// (eth0, IPv6) never reach the loopback-only relay, or are dropped.
//
//   forwarding ──pause()──▶ black hole (drops everything, closes nothing) ──resume()──▶ forwarding
import dgram from 'node:dgram';

export interface UdpRelay {
  /** Where ClickDial sends: the far end's address as ClickDial is told it. */
  phonePort: number;
  /** Where the far end sends: ClickDial's address as the far end is told it. */
  farPort: number;
  /** Datagrams passed on, each way. */
  forwarded(): { toFar: number; toPhone: number };
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

interface Peer {
  address: string;
  port: number;
}

async function bound(): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  return socket;
}

export async function startUdpRelay({ paused = false } = {}): Promise<UdpRelay> {
  const [phoneSide, farSide] = await Promise.all([bound(), bound()]);
  let phone: Peer | undefined;
  let far: Peer | undefined;
  let cut = paused;
  const counts = { toFar: 0, toPhone: 0 };
  phoneSide.on('message', (message, from) => {
    if (from.address !== '127.0.0.1') return;
    phone = { address: from.address, port: from.port };
    if (cut || !far) return;
    counts.toFar += 1;
    farSide.send(message, far.port, far.address);
  });
  farSide.on('message', (message, from) => {
    if (from.address !== '127.0.0.1') return;
    far = { address: from.address, port: from.port };
    if (cut || !phone) return;
    counts.toPhone += 1;
    phoneSide.send(message, phone.port, phone.address);
  });
  return {
    phonePort: phoneSide.address().port,
    farPort: farSide.address().port,
    forwarded: () => ({ ...counts }),
    pause: () => {
      cut = true;
    },
    resume: () => {
      cut = false;
    },
    close: async () => {
      await Promise.all([phoneSide, farSide].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
