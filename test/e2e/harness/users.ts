// SIP accounts known to test/e2e/kamailio/kamailio.cfg (route[USER_PASSWORD]).
// The table is duplicated there on purpose: Kamailio has no DB in tests. Keep both in sync.

/** SIP domain (digest realm) served by the test Kamailio. Not resolvable: clients reach it via wsUrl. */
export const DOMAIN = 'clickdial.test';

export const USERS = {
  '1001': 'pw-1001-amber',
  '1002': 'pw-1002-birch',
  '1003': 'pw-1003-cedar',
  '1004': 'pw-1004-delta',
} as const satisfies Record<string, string>;

export type UserId = keyof typeof USERS;

/** `sip:1002@clickdial.test` */
export function aorOf(user: string): string {
  return `sip:${user}@${DOMAIN}`;
}

/** Everything a SIP client needs to register as `user`. */
export function credentialsOf(user: UserId): { aor: string; user: UserId; password: string } {
  return { aor: aorOf(user), user, password: USERS[user] };
}
