// Real key presses through the X server (xdotool), for browser shortcuts:
// keys sent through Playwright never reach chrome.commands.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Presses `keys` in a Chromium window: the one whose title starts with
 * `windowTitle` when given (with several windows open, the newest is not
 * always the one the test means), else the newest visible one.
 */
export async function pressKeys(display: string, keys: string, windowTitle?: string): Promise<void> {
  const env = { ...process.env, DISPLAY: display };
  const by = windowTitle ? ['--name', `^${windowTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`] : ['--class', 'chromium'];
  const { stdout } = await run('/usr/bin/xdotool', ['search', '--onlyvisible', ...by], { env });
  const window = stdout.trim().split('\n').filter(Boolean).at(-1);
  if (!window) throw new Error(`no visible Chromium window on ${display}`);
  await run('/usr/bin/xdotool', ['windowactivate', '--sync', window], { env }).catch(() => undefined);
  await run('/usr/bin/xdotool', ['windowfocus', '--sync', window], { env });
  await run('/usr/bin/xdotool', ['key', '--clearmodifiers', keys], { env });
}

/**
 * Answers Chrome's permission question (chrome.permissions.request) with
 * Allow, as a user does with the keyboard: the question takes the focus with
 * Cancel as its default, Tab moves to Allow. Playwright cannot reach this
 * dialog, and only a headful browser shows it.
 */
export async function acceptPermissionPrompt(display: string, appearMs = 1000): Promise<void> {
  const env = { ...process.env, DISPLAY: display };
  await new Promise((resolve) => setTimeout(resolve, appearMs));
  await run('/usr/bin/xdotool', ['key', '--clearmodifiers', 'Tab'], { env });
  await run('/usr/bin/xdotool', ['key', '--clearmodifiers', 'Return'], { env });
}
