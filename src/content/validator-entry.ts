// Entry of content/validator.js: the heavier phone-number checker, injected by
// the service worker into a frame only when the content script found candidate
// digits there (scripting.executeScript, so it needs no web-accessible file).
import * as validator from './detect-phone-numbers';
import { VALIDATOR_GLOBAL } from './validator-global';

(globalThis as Record<string, unknown>)[VALIDATOR_GLOBAL] = validator;
