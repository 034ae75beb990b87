// Stage 2 of phone-number detection for content scripts: the windows of page
// text they found candidate digits in are checked here, off the page's main
// thread. The request is untrusted (a compromised renderer could send
// anything): its schema bounds how much text one request may carry, and only
// our content script in a web page may ask.
import * as v from 'valibot';
import type browser from 'webextension-polyfill';
import type { WindowNumbers } from '../shared/find-numbers-request';
import { FindNumbersSchema, findNumbers } from '../shared/numbers-in-window';
import { ClickDialError } from '../shared/protocol';
import { isContentScriptSender } from './content-call';

export function findNumbersFor(payload: unknown, sender: browser.Runtime.MessageSender): Promise<WindowNumbers[]> {
  if (!isContentScriptSender(sender)) {
    return Promise.reject(new ClickDialError('"content.findNumbers" is for the page script only.', 'forbidden'));
  }
  const parsed = v.safeParse(FindNumbersSchema, payload);
  if (!parsed.success) return Promise.reject(new ClickDialError('A request to find numbers was malformed.', 'bad-message'));
  return Promise.resolve(findNumbers(parsed.output));
}
