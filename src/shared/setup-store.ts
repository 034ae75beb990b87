// Reads and writes the setup's progress in storage.local for extension pages
// and the worker, through its versioned schema (shared/stored-setup.ts).
import browser from 'webextension-polyfill';
import { SETUP_KEY, readSetupProgress, storedSetupProgress, type SetupProgress } from './stored-setup';

export async function loadSetupProgress(): Promise<SetupProgress> {
  const stored = await browser.storage.local.get(SETUP_KEY);
  return readSetupProgress(stored[SETUP_KEY]);
}

export async function saveSetupProgress(progress: SetupProgress): Promise<void> {
  await browser.storage.local.set({ [SETUP_KEY]: storedSetupProgress(progress) });
}
