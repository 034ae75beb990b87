import { describe, expect, it } from 'vitest';
import { readSetupProgress } from '../../src/shared/stored-setup';

describe('stored setup progress', () => {
  it('starts at the account step when nothing is stored', () => {
    expect(readSetupProgress(undefined)).toEqual({ version: 1, step: 'account', finished: false, testNumber: '', testCallDone: false });
  });

  it('keeps a valid record and falls back for a broken or newer one', () => {
    const saved = { version: 1, step: 'test-call', finished: false, testNumber: '*43', testCallDone: true } as const;
    expect(readSetupProgress(saved)).toEqual(saved);
    expect(readSetupProgress({ ...saved, step: 'lunch' }).step).toBe('account');
    expect(readSetupProgress({ ...saved, version: 2 }).step).toBe('account');
  });
});
