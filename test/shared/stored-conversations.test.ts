import { describe, expect, it } from 'vitest';
import { addMessage } from '../../src/shared/conversations';
import { CONVERSATIONS, parseConversations, storedConversations } from '../../src/shared/stored-conversations';
import { readStored } from '../../src/shared/stored-schema';

// Exactly what release 0.1 wrote to storage.local under 'conversations' (the worker's
// message store: addMessage's map keyed by contactKey, no version).
const RELEASE_0_1 = {
  'sip:1002@pbx.example.com': {
    contact: { uri: 'sip:1002@pbx.example.com', user: '1002', displayName: 'Bo' },
    messages: [
      { direction: 'out', body: 'Hello Bo', at: 1_733_100_000_000 },
      { direction: 'in', body: 'Hi, call me at 3', at: 1_733_100_060_000 },
    ],
    unread: 1,
  },
  'sip:1003@pbx.example.com': {
    contact: { uri: 'sip:1003@pbx.example.com', user: '1003' },
    messages: [{ direction: 'in', body: 'Invoice sent', at: 1_733_000_000_000 }],
    unread: 0,
  },
};

const read = (stored: unknown) => readStored(CONVERSATIONS, { conversations: stored });

describe('stored conversations', () => {
  it("migrate release 0.1's conversations without loss", () => {
    expect(read(RELEASE_0_1)).toEqual({ value: { version: 1, byContact: RELEASE_0_1 }, migrated: true });
    expect(parseConversations(RELEASE_0_1)).toEqual(RELEASE_0_1);
  });

  it('read the current version as it is, as the worker writes it', () => {
    const next = addMessage(
      parseConversations(RELEASE_0_1),
      { uri: 'sip:1003@pbx.example.com', user: '1003' },
      { direction: 'out', body: 'Thanks', at: 5 },
    );
    const current = storedConversations(next);
    expect(current.byContact['sip:1003@pbx.example.com']?.messages).toHaveLength(2);
    expect(read(current)).toEqual({ value: current, migrated: false });
  });

  it('drop a broken conversation, keeping the others', () => {
    const broken = {
      ...RELEASE_0_1,
      a: { nope: 1 },
      b: { ...RELEASE_0_1['sip:1003@pbx.example.com'], messages: [{ direction: 'sideways', body: 'x', at: 1 }] },
      c: { ...RELEASE_0_1['sip:1003@pbx.example.com'], unread: -1 },
    };
    expect(parseConversations(broken)).toEqual(RELEASE_0_1);
    expect(parseConversations({ version: 1, byContact: broken })).toEqual(RELEASE_0_1);
  });

  it('fall back to none for nothing stored, broken data or a newer version', () => {
    const none = { value: { version: 1, byContact: {} }, migrated: false };
    expect(readStored(CONVERSATIONS, {})).toEqual(none);
    expect(parseConversations([RELEASE_0_1])).toEqual({});
    expect(parseConversations({ version: 1, byContact: [RELEASE_0_1] })).toEqual({});
    expect(read({ version: 2, byContact: RELEASE_0_1 })).toEqual(none);
  });
});
