// A desktop notification server (org.freedesktop.Notifications) on a private
// D-Bus session bus. Chromium on Linux shows extension notifications through
// it, so a test can read what the user would see and press a button the way
// the desktop does: by emitting ActionInvoked.
import { spawn } from 'node:child_process';
import dbus from 'dbus-next';
import { onProcessExit } from './cleanup.js';
import { waitFor } from './wait.js';

export interface ShownNotification {
  id: number;
  summary: string;
  body: string;
  /** Button labels by action key (e.g. { '0': 'Answer', '1': 'Decline', default: '' }). */
  actions: Record<string, string>;
  closed: boolean;
}

export interface NotificationServer {
  /** DBUS_SESSION_BUS_ADDRESS for the browser. */
  address: string;
  shown(): ShownNotification[];
  waitFor(match: (n: ShownNotification) => boolean, what: string): Promise<ShownNotification>;
  /** Presses a button by its label, or the body with 'default'. */
  press(notification: ShownNotification, label: string): void;
  stop(): Promise<void>;
}

export async function startNotificationServer(): Promise<NotificationServer> {
  const daemon = spawn('/usr/bin/dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const unregister = onProcessExit(() => daemon.kill('SIGKILL'));
  const address = await new Promise<string>((resolve, reject) => {
    let out = '';
    daemon.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line.trim());
    });
    daemon.once('exit', (code) => reject(new Error(`dbus-daemon exited with ${code}`)));
  });

  const notifications: ShownNotification[] = [];
  let nextId = 1;

  class Notifications extends dbus.interface.Interface {
    GetCapabilities(): string[] {
      return ['actions', 'body', 'body-hyperlinks', 'persistence'];
    }
    GetServerInformation(): string[] {
      return ['clickdial-test', 'ClickDial', '1.0', '1.2'];
    }
    Notify(_app: string, replaces: number, _icon: string, summary: string, body: string, actions: string[]): number {
      const id = replaces > 0 ? replaces : nextId++;
      const pairs: Record<string, string> = {};
      for (let i = 0; i + 1 < actions.length; i += 2) pairs[actions[i] ?? ''] = actions[i + 1] ?? '';
      const existing = notifications.find((n) => n.id === id);
      if (existing) Object.assign(existing, { summary, body, actions: pairs, closed: false });
      else notifications.push({ id, summary, body, actions: pairs, closed: false });
      return id;
    }
    CloseNotification(id: number): void {
      const n = notifications.find((x) => x.id === id);
      if (n) n.closed = true;
      this.NotificationClosed(id, 3);
    }
    ActionInvoked(id: number, key: string): [number, string] {
      return [id, key];
    }
    NotificationClosed(id: number, reason: number): [number, number] {
      return [id, reason];
    }
  }
  Notifications.configureMembers({
    methods: {
      GetCapabilities: { outSignature: 'as' },
      GetServerInformation: { outSignature: 'ssss' },
      Notify: { inSignature: 'susssasa{sv}i', outSignature: 'u' },
      CloseNotification: { inSignature: 'u' },
    },
    signals: {
      ActionInvoked: { signature: 'us' },
      NotificationClosed: { signature: 'uu' },
    },
  });

  const bus = dbus.sessionBus({ busAddress: address });
  const iface = new Notifications('org.freedesktop.Notifications');
  bus.export('/org/freedesktop/Notifications', iface);
  await bus.requestName('org.freedesktop.Notifications', 0);

  return {
    address,
    shown: () => notifications.map((n) => ({ ...n, actions: { ...n.actions } })),
    waitFor: (match, what) =>
      waitFor(() => notifications.find((n) => !n.closed && match(n)), {
        what: `a notification: ${what} (shown: ${JSON.stringify(notifications)})`,
      }),
    press(notification, label) {
      const key = label === 'default' ? 'default' : Object.entries(notification.actions).find(([, l]) => l === label)?.[0];
      if (key === undefined) throw new Error(`no button "${label}" on ${JSON.stringify(notification)}`);
      iface.ActionInvoked(notification.id, key);
    },
    async stop() {
      bus.disconnect();
      daemon.kill('SIGTERM');
      unregister();
    },
  };
}
