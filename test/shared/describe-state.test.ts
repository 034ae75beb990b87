import { describe, expect, it } from 'vitest';
import { describeCallState, formatDuration } from '../../src/shared/describe-state';
import { describeAccount } from '../../src/shared/account-selectors';
import { mockAccount, mockCall } from '../popup/mock-snapshot';

describe('describeAccount', () => {
  it('says an absent account is not set up', () => expect(describeAccount(undefined)).toBe('Not set up'));
  it.each([
    [{ wantsOnline: false }, 'Offline'],
    [{ registration: 'registered' as const }, 'Registered'],
    [{ registration: 'failed' as const }, 'Registration failed'],
    [{ registration: 'unregistered' as const, connection: 'connecting' as const }, 'Connecting…'],
    [{ registration: 'unregistered' as const, connection: 'disconnected' as const }, 'Not connected'],
  ])('%j reads %s', (patch, words) => {
    expect(describeAccount(mockAccount(patch))).toBe(words);
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

describe('describeCallState', () => {
  it.each([
    [{ state: 'dialing' as const, direction: 'outgoing' as const }, 'Calling…'],
    [{ state: 'ringing' as const, direction: 'outgoing' as const }, 'Ringing…'],
    [{ state: 'ringing' as const, direction: 'incoming' as const }, 'Incoming call'],
    [{ state: 'connecting' as const, direction: 'incoming' as const }, 'Connecting…'],
    [{ state: 'active' as const }, 'In call'],
    [{ state: 'active' as const, held: true }, 'On hold'],
  ])('%j reads %s', (patch, words) => {
    expect(describeCallState(mockCall(patch))).toBe(words);
  });
});
