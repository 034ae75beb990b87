// Starts a throwaway Kamailio (test/e2e/kamailio/kamailio.cfg) on a free loopback port.
// One instance per test file is cheap (~100 ms to start, ~1 s to stop).

import { execFile, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onProcessExit } from './cleanup.js';
import { freePort } from './free-port.js';
import { DOMAIN } from './users.js';

export const KAMAILIO_BIN = '/usr/sbin/kamailio';
const CONFIG = fileURLToPath(new URL('../kamailio/kamailio.cfg', import.meta.url));
const MAX_LOG_CHARS = 256 * 1024;

export interface KamailioServer {
  /** ws://127.0.0.1:PORT/ws */
  wsUrl: string;
  /** SIP domain and digest realm: DOMAIN in users.ts unless started with another. */
  domain: string;
  port: number;
  pid: number;
  /** Kamailio's stderr so far (last 256 KiB): attach it to failure messages. */
  logs(): string;
  /** Runs a management command as the server's administrator would (kamcmd over the ctl socket), e.g. `rpc('ul.rm', 'location', '1001@clickdial.test')`. */
  rpc(...command: string[]): Promise<string>;
  /** SIGTERM, wait for exit (SIGKILL the process group after a timeout), remove the temp dir. Idempotent. */
  stop(): Promise<void>;
}

export interface StartKamailioOptions {
  /** debug=3 in Kamailio (very chatty). Default: env E2E_KAMAILIO_DEBUG=1. */
  debug?: boolean;
  /** Echo Kamailio's stderr to ours. Default: env E2E_KAMAILIO_LOG=1. */
  echo?: boolean;
  startTimeoutMs?: number;
  /** Listen on this port (to restart a server where its clients expect it). Default: a free one. */
  port?: number;
  /** The SIP domain it serves (a second server for a second account). Default: DOMAIN. */
  domain?: string;
  /** Config defines (-A NAME), e.g. 'AOR_ONLY': an edge proxy that routes addresses of record only. */
  defines?: string[];
}

export async function startKamailio(options: StartKamailioOptions = {}): Promise<KamailioServer> {
  const debug = options.debug ?? process.env.E2E_KAMAILIO_DEBUG === '1';
  const echo = options.echo ?? process.env.E2E_KAMAILIO_LOG === '1';
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;

  const dir = await mkdtemp(join(tmpdir(), 'clickdial-kamailio-'));
  // Copy the config next to the pid file so a failed run leaves a self-contained dir to inspect.
  const cfg = join(dir, 'kamailio.cfg');
  await copyFile(CONFIG, cfg);
  const pidFile = join(dir, 'kamailio.pid');
  const port = options.port ?? (await freePort());
  const domain = options.domain ?? DOMAIN;
  if (!/^[a-z0-9.-]+$/.test(domain)) throw new Error(`not a test domain: ${domain}`);

  const args = [
    '-DD', // no daemon: we own the main process and its exit
    '-E', // log to stderr
    '-f',
    cfg,
    '-P',
    pidFile,
    '-A',
    `WS_PORT=${port}`,
    '-A',
    `RUN_DIR="${dir}"`,
    '-A',
    `DOMAIN="${domain}"`,
    '-A',
    `CTL_SOCKET="unix:${join(dir, 'ctl.sock')}"`,
    '-m',
    '64', // shared memory MB: default 64 is fine, be explicit to stay small
    '-M',
    '8',
  ];
  if (debug) args.push('-A', 'E2E_DEBUG');
  for (const name of options.defines ?? []) {
    if (!/^[A-Z_]+$/.test(name)) throw new Error(`not a config define: ${name}`);
    args.push('-A', name);
  }

  // detached: Kamailio leads its own process group, so we can SIGKILL the children too
  // (killing only the main pid leaves children serving the port).
  const child = spawn(KAMAILIO_BIN, args, { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    log = (log + text).slice(-MAX_LOG_CHARS);
    if (echo) process.stderr.write(text);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  spawnError.catch(() => undefined);

  const pid = child.pid;
  if (pid === undefined) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`could not spawn ${KAMAILIO_BIN}: ${String(await spawnError.catch((e: unknown) => e))}`);
  }

  const killGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // ESRCH: group already gone.
    }
  };
  const unregister = onProcessExit(() => {
    killGroup('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  // Do not let a forgotten stop() keep the test process alive; the exit hook kills it then.
  child.unref();
  // With stdio 'pipe' these are net.Sockets, whose handles would also keep the loop alive.
  (child.stdout as unknown as Socket).unref();
  (child.stderr as unknown as Socket).unref();

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      // Keep the event loop alive until Kamailio has really exited (the child is unref'd).
      child.ref();
      if (!exited) {
        // SIGTERM to the main pid: Kamailio then stops all its children (about 1 s).
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // already gone
        }
        const timedOut = await Promise.race([
          exitPromise.then(() => false),
          new Promise<boolean>((r) => setTimeout(() => r(true), 5_000).unref()),
        ]);
        if (timedOut) killGroup('SIGKILL');
        await exitPromise;
      }
      // Sweep any child that outlived the main process.
      killGroup('SIGKILL');
      unregister();
      await rm(dir, { recursive: true, force: true });
    })();
    return stopping;
  };

  const fail = async (reason: string): Promise<never> => {
    await stop();
    throw new Error(`Kamailio did not start: ${reason}\n--- kamailio stderr ---\n${log.slice(-8_000)}`);
  };

  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exited) return fail(`exited early with code ${exited.code} signal ${exited.signal}`);
    if (await canConnect(port)) break;
    if (Date.now() > deadline) return fail(`port ${port} not accepting connections after ${startTimeoutMs} ms`);
    await Promise.race([new Promise((r) => setTimeout(r, 50)), spawnError.catch(() => undefined)]);
  }

  return {
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    domain,
    port,
    pid,
    logs: () => log,
    rpc: (...command) =>
      new Promise((resolve, reject) => {
        execFile('/usr/sbin/kamcmd', ['-s', `unix:${join(dir, 'ctl.sock')}`, ...command], (error, stdout, stderr) => {
          // kamcmd exits 0 on an error reply, and prints "error: CODE - reason".
          if (error || /^error:/m.test(stdout + stderr))
            reject(new Error(`kamcmd ${command.join(' ')}: ${stderr || stdout || error?.message}`));
          else resolve(stdout);
        });
      }),
    stop,
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
