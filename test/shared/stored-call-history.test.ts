import { describe, expect, it } from 'vitest';
import { addToHistory, historyEntry, historyReason } from '../../src/shared/call-history';
import { CALL_HISTORY, parseHistory, storedHistory } from '../../src/shared/stored-call-history';
import { readStored } from '../../src/shared/stored-schema';
import { mockCall } from '../popup/mock-snapshot';

// Exactly what release 0.1 wrote to storage.local under 'callHistory' (the worker's
// recordCall: addToHistory's list of historyEntry(ended), newest first, no version).
const RELEASE_0_1 = [
  {
    id: 'b7e0c2',
    direction: 'incoming',
    outcome: 'missed',
    remote: { uri: 'sip:+14155550102@pbx.example.com', user: '+14155550102', displayName: 'Front desk' },
    startedAt: 1_733_100_000_000,
    endedAt: 1_733_100_020_000,
    durationMs: 0,
  },
  {
    id: 'a1f9d4',
    direction: 'outgoing',
    outcome: 'completed',
    remote: { uri: 'sip:1002@pbx.example.com', user: '1002' },
    startedAt: 1_733_090_000_000,
    endedAt: 1_733_090_065_000,
    durationMs: 61_000,
  },
];

// What version 1 wrote: a failed call's reason as English text.
const VERSION_1 = {
  version: 1,
  entries: [
    {
      id: 'c9d1e7',
      direction: 'outgoing',
      outcome: 'failed',
      remote: { uri: 'sip:1002@pbx.example.com', user: '1002' },
      startedAt: 1_733_200_000_000,
      endedAt: 1_733_200_004_000,
      durationMs: 0,
      accountId: 'work',
      accountAor: 'sip:1001@pbx.example.com',
      reason: 'Busy (486 Busy Here).',
    },
    RELEASE_0_1[0],
  ],
};

const read = (stored: unknown) => readStored(CALL_HISTORY, { callHistory: stored });

describe('stored call history', () => {
  it("migrate release 0.1's list without loss", () => {
    expect(read(RELEASE_0_1)).toEqual({ value: { version: 2, entries: RELEASE_0_1 }, migrated: true });
    expect(parseHistory(RELEASE_0_1)).toEqual(RELEASE_0_1);
  });

  it('migrate version 1: a reason in English text is kept as text and shown as it was', () => {
    const [failed, missed] = VERSION_1.entries;
    const { reason, ...rest } = failed as { reason: string };
    const migrated = read(VERSION_1);
    expect(migrated).toEqual({ value: { version: 2, entries: [{ ...rest, reasonText: reason }, missed] }, migrated: true });
    expect(migrated.value.entries.map(historyReason)).toEqual(['Busy (486 Busy Here).', undefined]);
  });

  it('read the current version as it is, as the worker writes it', () => {
    const entry = historyEntry({ call: mockCall({ id: 'c3', createdAt: 1000, answeredAt: 2000 }), outcome: 'completed', endedAt: 9000 });
    const current = storedHistory(addToHistory(parseHistory(RELEASE_0_1), entry));
    expect(current.entries.map((e) => e.id)).toEqual(['c3', 'b7e0c2', 'a1f9d4']);
    expect(read(current)).toEqual({ value: current, migrated: false });
  });

  it('drop broken entries one by one, keeping the rest', () => {
    const [missed, completed] = RELEASE_0_1;
    const broken = [missed, { id: 1 }, null, { ...completed, outcome: 'exploded' }, completed];
    expect(parseHistory(broken)).toEqual(RELEASE_0_1);
    expect(parseHistory({ version: 1, entries: broken })).toEqual(RELEASE_0_1);
    expect(parseHistory({ version: 2, entries: [...broken, { ...completed, reason: 'text is not words' }] })).toEqual(RELEASE_0_1);
  });

  it('fall back to an empty list for nothing stored, broken data or a newer version', () => {
    const empty = { value: { version: 2, entries: [] }, migrated: false };
    expect(readStored(CALL_HISTORY, {})).toEqual(empty);
    expect(parseHistory('nope')).toEqual([]);
    expect(parseHistory({ version: 2, entries: 'nope' })).toEqual([]);
    expect(read({ version: 3, entries: RELEASE_0_1 })).toEqual(empty);
  });
});
