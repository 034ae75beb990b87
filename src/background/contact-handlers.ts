// Requests that change the address book, from the options page. Every contact
// is cleaned again here (shared/contacts.ts cleanContact): a page's payload
// is data, not trusted. Kept apart from router.ts, which spreads them into its table.
import type { Handlers } from '../shared/messenger';
import { ClickDialError } from '../shared/protocol';
import { optionalString, requireString } from '../shared/payload';
import { CONTACTS_LIMIT, CONTACT_ID_LIMIT, cleanContact, type ContactInput } from '../shared/contacts';
import { t } from '../shared/i18n';
import { deleteContact, importContacts, saveContact } from './contact-store';

export type ContactType = 'contacts.save' | 'contacts.remove' | 'contacts.import';

function contactFrom(value: unknown): ContactInput | null {
  return typeof value === 'object' && value !== null ? cleanContact(value) : null;
}

export function contactHandlers(): Handlers<ContactType> {
  return {
    'contacts.save': async ({ id, contact }) => {
      const clean = contactFrom(contact);
      if (!clean) throw new ClickDialError(t('contacts_error_number'), 'invalid');
      const saved = await saveContact(clean, optionalString(id, 'id', CONTACT_ID_LIMIT));
      if (saved === null) throw new ClickDialError(t('contacts_error_full', { limit: CONTACTS_LIMIT }), 'invalid');
      return { id: saved };
    },
    'contacts.remove': async ({ id }) => {
      await deleteContact(requireString(id, 'id', CONTACT_ID_LIMIT));
      return null;
    },
    'contacts.import': async ({ contacts }) => {
      if (!Array.isArray(contacts) || contacts.length > 2 * CONTACTS_LIMIT) {
        throw new ClickDialError('Malformed message: "contacts" must be a list of at most 10000.', 'bad-message');
      }
      const clean = (contacts as unknown[]).flatMap((c) => contactFrom(c) ?? []);
      return importContacts(clean);
    },
  };
}
