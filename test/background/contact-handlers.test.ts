// The worker's address book requests over an in-memory storage.local (the
// extension API is the only thing replaced; cleaning, limits and the schema are real).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTACTS_LIMIT } from '../../src/shared/contacts';

const area = new Map<string, unknown>();
vi.mock('webextension-polyfill', async () => (await import('./memory-storage')).memoryPolyfill(area));

const { contactHandlers } = await import('../../src/background/contact-handlers');
const { loadContacts } = await import('../../src/background/contact-store');

const handlers = contactHandlers();
const sender = {} as never;
const save = (payload: unknown) => handlers['contacts.save'](payload as never, sender);
const names = async () => (await loadContacts()).map((c) => c.name);

beforeEach(() => area.clear());

describe('the address book requests', () => {
  it('add, edit under the id, delete, and bring back under the old id (Undo)', async () => {
    const { id } = await save({ contact: { name: ' Bea ', numbers: [{ number: '1002', type: 'mobile' }] } });
    expect(id).toMatch(/^c-/);
    await save({ id, contact: { name: 'Bea Bauer', numbers: [{ number: '1002', type: 'work' }] } });
    expect(await loadContacts()).toEqual([{ id, name: 'Bea Bauer', numbers: [{ number: '1002', type: 'work' }] }]);
    await handlers['contacts.remove']({ id }, sender);
    expect(await names()).toEqual([]);
    await save({ id, contact: { name: 'Bea Bauer', numbers: [{ number: '1002', type: 'work' }] } });
    expect((await loadContacts())[0]?.id).toBe(id);
    expect(area.get('contacts')).toMatchObject({ version: 1 });
  });

  it('refuse a contact without a usable number, or with a malformed id', async () => {
    await expect(save({ contact: { name: 'No number', numbers: [{ number: 'javascript:1', type: 'mobile' }] } })).rejects.toThrow(
      /at least one phone number/,
    );
    await expect(save({ contact: 'text' })).rejects.toThrow(/at least one phone number/);
    await expect(save({ id: 'x'.repeat(100), contact: { name: 'A', numbers: [{ number: '1', type: 'home' }] } })).rejects.toThrow(
      /too long/,
    );
    expect(await names()).toEqual([]);
  });

  it('import cleans every contact again, skips duplicates and stops at the limit', async () => {
    const result = await handlers['contacts.import'](
      {
        contacts: [
          { name: 'Ann', numbers: [{ number: '1002', type: 'mobile' }] },
          { name: 'Ann', numbers: [{ number: '10 02', type: 'mobile' }] },
          { name: 'Broken', numbers: [] },
          'not a contact',
        ] as never,
      },
      sender,
    );
    expect(result).toEqual({ added: 1, duplicates: 1, overLimit: 0 });
    const many = Array.from({ length: CONTACTS_LIMIT + 5 }, (_, i) => ({
      name: `P${i}`,
      numbers: [{ number: `${10_000 + i}`, type: 'work' }],
    }));
    expect(await handlers['contacts.import']({ contacts: many as never }, sender)).toEqual({
      added: CONTACTS_LIMIT - 1,
      duplicates: 0,
      overLimit: 6,
    });
    await expect(save({ contact: { name: 'One more', numbers: [{ number: '1', type: 'home' }] } })).rejects.toThrow(/full/);
    await expect(handlers['contacts.import']({ contacts: 'x' as never }, sender)).rejects.toThrow(/Malformed/);
  });
});
