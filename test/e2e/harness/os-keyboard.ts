// Real key presses through the X server (xdotool), for browser shortcuts:
// keys sent through Playwright never reach chrome.commands.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function pressKeys(display: string, keys: string): Promise<void> {
  const env = { ...process.env, DISPLAY: display };
  const { stdout } = await run('/usr/bin/xdotool', ['search', '--onlyvisible', '--class', 'chromium'], { env });
  const window = stdout.trim().split('\n').filter(Boolean).at(-1);
  if (!window) throw new Error(`no visible Chromium window on ${display}`);
  await run('/usr/bin/xdotool', ['windowactivate', '--sync', window], { env }).catch(() => undefined);
  await run('/usr/bin/xdotool', ['windowfocus', '--sync', window], { env });
  await run('/usr/bin/xdotool', ['key', '--clearmodifiers', keys], { env });
}
