import { describe, expect, it } from 'vitest';
import { BACKGROUND_TYPES, PHONE_TYPES, errorReply, parseRequest, ClickDialError } from '../../src/shared/protocol';

describe('parseRequest', () => {
  it('ignores envelopes addressed to another context', () => {
    expect(parseRequest({ target: 'phone', type: 'phone.call', payload: {} }, 'router')).toBeNull();
    expect(parseRequest({ target: 'subscribers', type: 'phone.snapshot', payload: {} }, 'phone')).toBeNull();
  });

  it.each([null, 42, 'phone.call', []])('answers a non-object (%j) with an error', (message) => {
    expect(parseRequest(message, 'router')).toMatchObject({ ok: false, error: { code: 'bad-message' } });
  });

  it('answers an unknown type with an error', () => {
    expect(parseRequest({ target: 'router', type: 'phone.selfDestruct', payload: {} }, 'router')).toMatchObject({
      ok: false,
      error: { code: 'unknown-type', message: expect.stringContaining('phone.selfDestruct') },
    });
    // background-only types are unknown to the phone
    expect(parseRequest({ target: 'phone', type: 'account.save', payload: {} }, 'phone')).toMatchObject({ ok: false });
  });

  it('requires an object payload', () => {
    expect(parseRequest({ target: 'router', type: 'phone.call' }, 'router')).toMatchObject({
      ok: false,
      error: { code: 'bad-message' },
    });
    expect(parseRequest({ target: 'router', type: 'phone.call', payload: [] }, 'router')).toMatchObject({ ok: false });
  });

  it('passes a well-formed envelope through', () => {
    const envelope = { target: 'router', type: 'phone.call', payload: { target: '1002' } };
    expect(parseRequest(envelope, 'router')).toBe(envelope);
  });

  it('keeps the type lists disjoint', () => {
    expect(PHONE_TYPES.filter((t) => (BACKGROUND_TYPES as readonly string[]).includes(t))).toEqual([]);
  });
});

describe('errorReply', () => {
  it('keeps the code of a ClickDialError and wraps anything else', () => {
    expect(errorReply(new ClickDialError('no mic', 'no-microphone'))).toEqual({
      ok: false,
      error: { message: 'no mic', code: 'no-microphone' },
    });
    expect(errorReply(new Error('boom'))).toEqual({ ok: false, error: { message: 'boom', code: 'failed' } });
    expect(errorReply('text')).toEqual({ ok: false, error: { message: 'text', code: 'failed' } });
  });
});
