// Importing a vCard or CSV file: read and parsed here (shared/import-contacts.ts),
// added by the worker, and the outcome said in words with its counts
// ("Imported 12 contacts. Skipped 2 lines without a number.").
import { useState } from 'preact/hooks';
import { request } from '../shared/messenger';
import { CONTACTS_LIMIT } from '../shared/contacts';
import { MAX_IMPORT_BYTES, parseContactFile } from '../shared/import-contacts';
import { describeImport, describeImportError } from '../shared/contact-words';
import { t } from '../shared/i18n';

interface Props {
  /** The outcome, for the panel's status line (or its alert). */
  onDone: (outcome: { ok: boolean; text: string }) => void;
}

async function importFile(file: File): Promise<{ ok: boolean; text: string }> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, text: t('contacts_import_too_large') };
  const parsed = parseContactFile(await file.text());
  if (!parsed.ok) return { ok: false, text: describeImportError(parsed.error) };
  // The worker takes at most twice the book's size at once; what is left out could not fit anyway.
  const sent = parsed.contacts.slice(0, 2 * CONTACTS_LIMIT);
  const result = await request('contacts.import', { contacts: sent });
  return { ok: true, text: describeImport(parsed, { ...result, overLimit: result.overLimit + parsed.contacts.length - sent.length }) };
}

export function ContactImport({ onDone }: Props) {
  const [busy, setBusy] = useState(false);
  return (
    <div class="field contact-import">
      <label class="field">
        {t('contacts_import_label')}
        <input
          type="file"
          accept=".vcf,.vcard,.csv,text/vcard,text/x-vcard,text/csv"
          aria-describedby="contact-import-hint"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            setBusy(true);
            void importFile(file)
              .catch((error: unknown) => ({
                ok: false,
                text: t('contacts_import_unreadable', { reason: error instanceof Error ? error.message : String(error) }),
              }))
              .then((outcome) => {
                // The same file can be chosen again (after fixing it).
                input.value = '';
                setBusy(false);
                onDone(outcome);
              });
          }}
        />
      </label>
      <p class="hint" id="contact-import-hint">
        {busy ? t('contacts_importing') : t('contacts_import_hint')}
      </p>
    </div>
  );
}
