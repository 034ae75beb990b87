import { describe, expect, it } from 'vitest';
import {
  HISTORY_LIMIT,
  HISTORY_REASON_LIMIT,
  addToHistory,
  describeHistoryEntry,
  historyEntry,
  historyReason,
} from '../../src/shared/call-history';
import { parseHistory } from '../../src/shared/stored-call-history';
import type { EndedCall } from '../../src/shared/snapshot';
import { mockCall } from '../popup/mock-snapshot';
import { words } from '../../src/shared/words';
import { useLanguage } from '../support/chrome-i18n';

const ended = (patch: Partial<EndedCall> = {}): EndedCall => ({
  call: mockCall({ id: 'a', createdAt: 1000, answeredAt: 3000 }),
  outcome: 'completed',
  endedAt: 63_000,
  ...patch,
});

describe('call history', () => {
  it('makes an entry with the talk time', () => {
    expect(historyEntry(ended())).toMatchObject({
      id: 'a',
      direction: 'outgoing',
      outcome: 'completed',
      startedAt: 1000,
      endedAt: 63_000,
      durationMs: 60_000,
    });
    expect(historyEntry(ended({ call: mockCall({ answeredAt: undefined }), outcome: 'missed' })).durationMs).toBe(0);
  });

  it('keeps the newest first, once per call, at most the limit', () => {
    let list = addToHistory([], historyEntry(ended()));
    list = addToHistory(list, historyEntry(ended({ call: mockCall({ id: 'b' }) })));
    list = addToHistory(list, historyEntry(ended()));
    expect(list.map((e) => e.id)).toEqual(['a', 'b']);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) list = addToHistory(list, historyEntry(ended({ call: mockCall({ id: `x${i}` }) })));
    expect(list).toHaveLength(HISTORY_LIMIT);
  });

  it('reads storage defensively and says what each entry was', () => {
    const good = historyEntry(ended());
    expect(parseHistory([good, { id: 1 }, null])).toEqual([good]);
    expect(parseHistory('nope')).toEqual([]);
    expect(describeHistoryEntry({ ...good, direction: 'incoming', outcome: 'missed' })).toBe('Missed');
    expect(describeHistoryEntry(good)).toBe('Outgoing');
  });

  it('keeps why a failed call failed as words (their filled-in text cut to the limit), reads it back and says it', () => {
    const reason = words('media_reason_no_path', { seconds: 10 });
    const entry = historyEntry(ended({ outcome: 'failed', reason }));
    expect(entry).toMatchObject({ outcome: 'failed', reason });
    expect(parseHistory({ version: 2, entries: [entry] })).toEqual([entry]);
    expect(historyReason(entry)).toBe('No audio connection could be made with the other side within 10 s.');
    useLanguage('de');
    expect(historyReason(entry)).toBe('Innerhalb von 10 s kam keine Audioverbindung mit der Gegenseite zustande.');
    useLanguage('en');
    const long = historyEntry(ended({ outcome: 'failed', reason: words('sip_call_busy', { status: '486', reason: 'x'.repeat(1000) }) }));
    expect(historyReason(long)).toBe(`Busy (486 ${'x'.repeat(HISTORY_REASON_LIMIT)}).`);
    expect(historyEntry(ended())).not.toHaveProperty('reason');
    expect(historyReason(historyEntry(ended()))).toBeUndefined();
    expect(describeHistoryEntry(entry)).toBe('Outgoing, failed');
  });
});
