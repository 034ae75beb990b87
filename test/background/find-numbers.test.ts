import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({
  default: { runtime: { id: 'clickdial-id', getURL: (p: string) => `chrome-extension://clickdial-id/${p}` } },
}));
const { findNumbersFor } = await import('../../src/background/find-numbers');

const tab = { id: 7, index: 0, windowId: 1, highlighted: true, active: true, pinned: false, incognito: false, url: 'https://crm.example/' };
const page = { id: 'clickdial-id', tab, url: 'https://crm.example/', frameId: 0 };
const request = { country: 'US', windows: [{ text: 'Call (415) 555-0132 today', from: 0, to: 25, limit: 101 }] };

describe('content.findNumbers in the service worker', () => {
  it('finds the numbers of our content script in a web page', async () => {
    const [reply] = await findNumbersFor(request, page);
    expect(reply?.numbers.map((n) => [n.e164, n.start, n.end])).toEqual([['+14155550132', 5, 19]]);
  });

  it('answers nobody else, and refuses what the schema does not allow', async () => {
    await expect(findNumbersFor(request, { id: 'other-extension', tab, url: 'https://crm.example/' })).rejects.toThrow(/page script only/);
    await expect(
      findNumbersFor(request, { id: 'clickdial-id', url: 'chrome-extension://clickdial-id/src/popup/popup.html' }),
    ).rejects.toThrow(/page script only/);
    await expect(findNumbersFor({ ...request, windows: 'all of it' }, page)).rejects.toThrow(/malformed/);
    const huge = { country: 'US', windows: [{ text: 'x'.repeat(100_000), from: 0, to: 1, limit: 1 }] };
    await expect(findNumbersFor(huge, page)).rejects.toThrow(/malformed/);
  });
});
