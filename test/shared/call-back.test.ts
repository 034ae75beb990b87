import { describe, expect, it } from 'vitest';
import { callBackTarget } from '../../src/shared/call-back';

describe('callBackTarget', () => {
  const aor = 'sip:1001@pbx.example';
  it("dials a caller's number on the user's own account, never the host the caller named", () => {
    expect(callBackTarget({ uri: 'sip:+19005550199@evil.example', user: '+19005550199' }, aor)).toBe('+19005550199');
    expect(callBackTarget({ uri: 'sip:1002@pbx.example;transport=ws', user: '1002' }, aor)).toBe('sip:1002@pbx.example');
    expect(callBackTarget({ uri: 'sip:1002@pbx.example:5070', user: '1002' }, aor)).toBe('sip:1002@pbx.example');
    expect(callBackTarget({ uri: 'sip:1002@PBX.example', user: '1002' }, aor)).toBe('sip:1002@PBX.example');
  });
  it('gives nothing for a caller with neither our domain nor a number', () => {
    expect(callBackTarget({ uri: 'sip:alice@evil.example', user: 'alice' }, aor)).toBeUndefined();
    expect(callBackTarget({ uri: 'sip:1002@pbx.example.evil.example', user: '1002' }, aor)).toBe('1002');
    expect(callBackTarget({ uri: 'sip:x@evil.example', user: '<img src=x>' }, undefined)).toBeUndefined();
    // A feature code (*72 call forwarding) is not a number to call back.
    expect(callBackTarget({ uri: 'sip:*7219005550100@evil.example', user: '*7219005550100' }, aor)).toBeUndefined();
  });
});
