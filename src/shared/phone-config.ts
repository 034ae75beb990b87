// The accounts part of the phone's configuration, checked where it arrives
// (the phone), with the same schema storage uses.
import * as v from 'valibot';
import { validateAccount } from './account';
import { ClickDialError } from './protocol';
import { words } from './words';
import { STORED_ACCOUNTS_LIST_SCHEMA, type StoredAccount } from './stored-accounts';

const PHONE_ACCOUNTS_SCHEMA = v.object({ accounts: STORED_ACCOUNTS_LIST_SCHEMA, defaultId: v.nullable(v.string()) });

/** The accounts and the default one, or a ClickDialError in words. */
export function parsePhoneConfig(value: unknown): { accounts: StoredAccount[]; defaultId: string | null } {
  const parsed = v.safeParse(PHONE_ACCOUNTS_SCHEMA, value);
  if (!parsed.success) throw new ClickDialError('Malformed message: the accounts have the wrong shape.', 'bad-message');
  const invalid = parsed.output.accounts.find((a) => Object.keys(validateAccount(a.account)).length > 0);
  if (invalid) {
    throw new ClickDialError(words('error_saved_account_invalid', { aor: invalid.account.aor }), 'invalid');
  }
  return parsed.output;
}
