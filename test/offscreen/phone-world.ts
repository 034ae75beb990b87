// A phone (offscreen/phone.ts) on the in-memory SIP world of sip-world.ts,
// registered as 1001@clickdial.test, with one far end (1002) and more on demand: for the unit
// tests of one call feature each (transfer, session timers). Call stop() after
// each test.
import { Phone, type AccountConfig } from '../../src/offscreen/phone';
import type { EndedCall, PhoneSnapshot } from '../../src/shared/snapshot';
import { FarEnd, SipWire, until, worldStack } from './sip-world';

export const ACCOUNT: AccountConfig = {
  id: 'a',
  account: {
    server: 'wss://pbx.test/ws',
    aor: 'sip:1001@clickdial.test',
    authorizationUser: '',
    password: 'secret',
    displayName: '',
    iceServers: [],
  },
  wantsOnline: true,
};

export interface PhoneWorld {
  wire: SipWire;
  far: FarEnd;
  phone: Phone;
  ended: EndedCall[];
  now(): PhoneSnapshot;
  /** The state of the call with that id ('ended' once it has left). */
  stateOf(callId: string): string;
  /** Another far end on the wire (a transfer target), started. */
  addFar(aor: string): Promise<FarEnd>;
  stop(): Promise<void>;
}

export async function phoneWorld(): Promise<PhoneWorld> {
  const wire = new SipWire();
  const far = new FarEnd(wire);
  await far.start();
  const ended: EndedCall[] = [];
  const phone = new Phone(
    () => undefined,
    (e) => ended.push(e),
    () => undefined,
    worldStack(wire),
  );
  phone.configure([ACCOUNT], ACCOUNT.id);
  const others: FarEnd[] = [];
  const world: PhoneWorld = {
    wire,
    far,
    phone,
    ended,
    now: () => phone.snapshot(),
    stateOf: (callId) => phone.snapshot().calls.find((c) => c.id === callId)?.state ?? 'ended',
    async addFar(aor) {
      const other = new FarEnd(wire, aor);
      await other.start();
      others.push(other);
      return other;
    },
    async stop() {
      phone.configure([], null);
      // The phone unregisters and closes in the background (it never waits for the network).
      await until(() => wire.phoneTransports().length === 0, 'the phone to close its connections', 5000);
      for (const ua of [far, ...others]) await ua.stop();
    },
  };
  await until(() => world.now().accounts[0]?.registration === 'registered', 'registered');
  return world;
}

/** The whole messages of a method (requests) or status (responses, as "200 UPDATE") that `from` sent. */
export function sent(world: PhoneWorld, from: 'phone' | 'far', what: string): string[] {
  const [code, method] = what.split(' ');
  return world.wire.messages
    .filter((m) => m.from === from)
    .map((m) => m.text)
    .filter((text) =>
      method
        ? text.startsWith(`SIP/2.0 ${code} `) && new RegExp(`^CSeq: \\d+ ${method}\\r?$`, 'mi').test(text)
        : text.startsWith(`${what} `),
    );
}

/** The value of a header in a whole message ('' without it). */
export function header(message: string | undefined, name: string): string {
  const match = new RegExp(`^${name}:\\s*(.*?)\\r?$`, 'mi').exec(message ?? '');
  return match?.[1] ?? '';
}
