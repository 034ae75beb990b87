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

/** An optional string field: undefined when absent, else checked as requireString does. */
export function optionalString(value: unknown, field: string, maxLength = 512): string | undefined {
  return value === undefined ? undefined : requireString(value, field, maxLength);
}

/** An optional boolean field: false when absent, else checked as requireBoolean does. */
export function optionalBoolean(value: unknown, field: string): boolean {
  return value === undefined ? false : requireBoolean(value, field);
}

/** One of the given words. */
export function requireOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ClickDialError(`Malformed message: "${field}" must be one of ${allowed.join(', ')}.`, 'bad-message');
  }
  return value as T;
}
