/**
 * Where validator.js leaves its exports: a global of the extension's isolated
 * world, which the content script shares and the page cannot see.
 */
export const VALIDATOR_GLOBAL = '__clickdialValidator';
