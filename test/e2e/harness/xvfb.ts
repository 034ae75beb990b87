// Virtual X display for headful Chromium (needed for real browser shortcuts via xdotool:
// key presses sent through Playwright never reach chrome.commands).

import { spawn } from 'node:child_process';
import { onProcessExit } from './cleanup.js';

export interface Xvfb {
  /** e.g. ":93" -- pass as DISPLAY to chromium and xdotool. */
  display: string;
  stop(): Promise<void>;
}

export async function startXvfb({ timeoutMs = 10_000 } = {}): Promise<Xvfb> {
  // -displayfd: Xvfb picks a free display number itself and writes it to fd 3 when ready,
  // which avoids racing other Xvfb instances for a number.
  const child = spawn('/usr/bin/Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const unregister = onProcessExit(() => child.kill('SIGKILL'));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));

  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb not ready after ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    const fd3 = child.stdio[3] as NodeJS.ReadableStream;
    fd3.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited with ${code}: ${stderr}`));
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    unregister();
    throw error;
  });

  return {
    display,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      unregister();
    },
  };
}
