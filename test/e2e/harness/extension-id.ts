// Chrome extension ids are the first 128 bits of a SHA-256, written with the letters a-p.
// Hashed input: the DER public key from manifest "key" if present, else the absolute path
// of the unpacked extension directory. Knowing the id before launch lets us pre-grant the
// microphone in the profile's Preferences.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

function idFromBytes(bytes: Buffer | string): string {
  const hex = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

/** Id of an unpacked extension: from manifest.json `key` if set, else from its absolute path. */
export function extensionIdOf(extensionPath: string): string {
  const dir = resolve(extensionPath);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { key?: unknown };
  if (typeof manifest.key === 'string') return idFromBytes(Buffer.from(manifest.key, 'base64'));
  return idFromBytes(dir);
}

/** The id in a chrome-extension://ID/... URL. */
export function extensionIdFromUrl(url: string): string {
  const match = /^chrome-extension:\/\/([a-p]{32})\//.exec(url);
  if (!match?.[1]) throw new Error(`not an extension URL: ${url}`);
  return match[1];
}
