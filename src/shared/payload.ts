import { ClickDialError } from './protocol';

// Payloads arrive from other contexts as plain data: check before use.

export function requireString(value: unknown, field: string, maxLength = 512): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ClickDialError(`Malformed message: "${field}" must be a non-empty string.`, 'bad-message');
  }
  if (value.length > maxLength) {
    throw new ClickDialError(`Malformed message: "${field}" is too long.`, 'bad-message');
  }
  return value;
}

export function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new ClickDialError(`Malformed message: "${field}" must be true or false.`, 'bad-message');
  return value;
}

const ACCOUNT_FIELDS = ['server', 'aor', 'authorizationUser', 'password', 'displayName'] as const;

/** Checks that a value has the shape of a SipAccount (not that it is valid). */
export function isAccountShape(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (!ACCOUNT_FIELDS.every((f) => typeof v[f] === 'string' && v[f].length < 2048)) return false;
  return (
    Array.isArray(v.iceServers) &&
    v.iceServers.every((s: unknown) => typeof s === 'object' && s !== null && typeof (s as { urls?: unknown }).urls === 'string')
  );
}
