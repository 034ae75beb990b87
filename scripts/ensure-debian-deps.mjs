#!/usr/bin/env node
// Makes sure the Debian packages the e2e tests need are installed: Chromium (playwright's
// own browser download cannot work here), Kamailio with its WebSocket module, Xvfb and
// xdotool (headful runs for browser shortcuts), and dbus (notifications). Fast path: only stat() when all present.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const REQUIRED = [
  { path: '/usr/bin/chromium', pkg: 'chromium' },
  { path: '/usr/sbin/kamailio', pkg: 'kamailio' },
  { path: '/usr/lib/x86_64-linux-gnu/kamailio/modules/websocket.so', pkg: 'kamailio-websocket-modules' },
  { path: '/usr/bin/Xvfb', pkg: 'xvfb' },
  { path: '/usr/bin/xdotool', pkg: 'xdotool' },
  // A private session bus for the desktop-notification test server.
  { path: '/usr/bin/dbus-daemon', pkg: 'dbus' },
];
// Always install the full set together so one run leaves a complete environment.
const PACKAGES = ['chromium', 'kamailio', 'kamailio-websocket-modules', 'xvfb', 'xdotool', 'dbus'];

const missing = REQUIRED.filter((r) => !existsSync(r.path));
if (missing.length === 0) process.exit(0);

console.error(`ensure-debian-deps: missing ${missing.map((m) => `${m.path} (${m.pkg})`).join(', ')}`);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error('Not root. Install them with:');
  console.error(`  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${PACKAGES.join(' ')}`);
  process.exit(1);
}

const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', ...PACKAGES]]) {
  console.error(`ensure-debian-deps: apt-get ${args.join(' ')}`);
  // stdio inherit: stream apt's progress as it happens.
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (result.error) {
    console.error(`ensure-debian-deps: could not run apt-get: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`ensure-debian-deps: apt-get ${args[0]} failed with exit code ${result.status}`);
    process.exit(result.status ?? 1);
  }
}

const stillMissing = REQUIRED.filter((r) => !existsSync(r.path));
if (stillMissing.length > 0) {
  console.error(`ensure-debian-deps: still missing after install: ${stillMissing.map((m) => m.path).join(', ')}`);
  process.exit(1);
}
console.error('ensure-debian-deps: all present');
