import { request } from '../shared/messenger';
import type { Validator } from './page-scanner';
import { VALIDATOR_GLOBAL } from './validator-global';

const loaded = () => (globalThis as Record<string, unknown>)[VALIDATOR_GLOBAL] as Validator | undefined;

/**
 * Asks the service worker to inject the validator into this frame. No file of
 * ClickDial is web-accessible, so a page cannot fetch one to learn that
 * ClickDial is installed.
 */
export async function loadValidator(): Promise<Validator> {
  if (!loaded()) await request('content.loadValidator', {});
  const validator = loaded();
  if (!validator) throw new Error('The phone-number checker did not load.');
  return validator;
}
