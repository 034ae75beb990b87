import { describe, expect, it } from 'vitest';
import { describeRegistration, formatDuration } from '../../src/shared/describe-state';
import { mockSnapshot } from '../popup/mock-snapshot';

describe('describeRegistration', () => {
  it.each([
    [{ configured: false }, 'Not set up'],
    [{ wantsOnline: false }, 'Offline'],
    [{ registration: 'registered' as const }, 'Registered'],
    [{ registration: 'failed' as const }, 'Registration failed'],
    [{ registration: 'unregistered' as const, connection: 'connecting' as const }, 'Connecting…'],
    [{ registration: 'unregistered' as const, connection: 'disconnected' as const }, 'Not connected'],
  ])('%j reads %s', (patch, words) => {
    expect(describeRegistration(mockSnapshot(patch))).toBe(words);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [61_000, '1:01'],
    [3_600_000 + 5_000, '1:00:05'],
    [-5, '0:00'],
  ])('%d ms is %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
