// The questions every surface asks of the phone's accounts (lines), answered
// once: the popup, options, toolbar, notifications and history use these.
import type { AccountSnapshot, MicrophonePermission, PhoneSnapshot } from './snapshot';
import { t } from './i18n';

/** An account's address as people read it: "1001@pbx.example.com". */
export function accountLabel(aor: string): string {
  return aor.replace(/^sips?:/i, '');
}

/** The account calls go out on unless another is chosen. */
export function defaultAccount(s: PhoneSnapshot): AccountSnapshot | undefined {
  return s.accounts.find((a) => a.id === s.defaultAccountId) ?? s.accounts[0];
}

export function accountById(s: PhoneSnapshot, id: string | undefined): AccountSnapshot | undefined {
  return id === undefined ? undefined : s.accounts.find((a) => a.id === id);
}

/** The line to name next to a call or message: only when the user has several (one line needs no name). */
export function lineName(s: PhoneSnapshot, accountId: string | undefined): string | undefined {
  if (s.accounts.length < 2) return undefined;
  const account = accountById(s, accountId);
  return account ? accountLabel(account.aor) : undefined;
}

export function isRegistered(account: AccountSnapshot | undefined): boolean {
  return account?.registration === 'registered';
}

/** Said instead of "Registered" while the microphone is blocked: calls would ring but could not be taken. */
export const microphoneBlocked = (): string => t('account_microphone_blocked');

/** One account's state in a few words, as the popup, options and toolbar say it. */
export function describeAccount(account: AccountSnapshot | undefined, microphone?: MicrophonePermission): string {
  if (!account) return t('account_not_set_up');
  if (!account.wantsOnline) return t('account_offline');
  if (account.registration === 'registered') return microphone === 'denied' ? microphoneBlocked() : t('account_registered');
  if (account.registration === 'failed') return t('account_registration_failed');
  if (account.connection === 'connecting') return t('account_connecting');
  if (account.registration === 'registering') return t('account_registering');
  if (account.connection === 'disconnected') return t('account_not_connected');
  return t('account_not_registered');
}

/** "Retry now" is offered where the user wants an account online and it has a problem (said in its registrationError). */
export function canRetry(account: AccountSnapshot | undefined): boolean {
  return !!account?.wantsOnline && (account.registration === 'failed' || account.registrationError !== undefined);
}

export type PhoneStatus = 'unconfigured' | 'offline' | 'registered' | 'error' | 'connecting' | 'no-microphone';

/**
 * The phone as a whole, for the toolbar: registered when every account the
 * user wants online is; an error when any of them has one; offline when the
 * user wants none online.
 */
export function phoneStatus(s: PhoneSnapshot): { status: PhoneStatus; accounts: AccountSnapshot[] } {
  if (s.accounts.length === 0) return { status: 'unconfigured', accounts: [] };
  const wanted = s.accounts.filter((a) => a.wantsOnline);
  if (wanted.length === 0) return { status: 'offline', accounts: s.accounts };
  const failing = wanted.filter((a) => a.registration === 'failed' || a.registrationError !== undefined);
  if (failing.length > 0) return { status: 'error', accounts: failing };
  const pending = wanted.filter((a) => a.registration !== 'registered');
  if (pending.length > 0) return { status: 'connecting', accounts: pending };
  // Registered, but a call could not be answered or placed: not the green of a working phone.
  if (s.microphone === 'denied') return { status: 'no-microphone', accounts: wanted };
  return { status: 'registered', accounts: wanted };
}
