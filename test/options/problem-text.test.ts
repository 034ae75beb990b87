import { afterEach, describe, expect, it } from 'vitest';
import { accountProblems, emptyAccount, validateAccount, type SipAccount } from '../../src/shared/account';
import { parseHostList } from '../../src/shared/click-to-call-settings';
import { accountProblemText } from '../../src/options/account-problem-text';
import { hostListProblemText } from '../../src/options/host-list-problem-text';
import { useLanguage } from '../support/chrome-i18n';

const good: SipAccount = { ...emptyAccount(), server: 'wss://pbx.example.com/ws', aor: 'sip:1001@pbx.example.com', password: 'x' };
/** Accounts with every kind of problem between them. */
const BAD: SipAccount[] = [
  emptyAccount(),
  { ...good, server: 'pbx.example.com', aor: 'sip:1001', authorizationUser: 'a b', iceServers: [{ urls: 'http://x' }] },
  { ...good, server: 'https://pbx.example.com' },
];

describe("the options page's words for typed problems", () => {
  afterEach(() => useLanguage('en'));

  it("say an account's problems as the worker says them, in English", () => {
    const kinds = new Set<string>();
    for (const account of BAD) {
      const problems = accountProblems(account);
      for (const problem of Object.values(problems)) kinds.add(problem.kind);
      const english = Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, accountProblemText(problem)]));
      expect(english).toEqual(validateAccount(account));
    }
    // All but 'server-no-host': a ws: or wss: URL that parses has a host.
    expect(kinds.size).toBe(8);
    expect(accountProblemText({ kind: 'server-no-host' })).toBe('The server address has no host name.');
  });

  it('say them in the UI language, with the typed value', () => {
    useLanguage('de');
    expect(accountProblemText({ kind: 'aor-invalid', value: 'sip:1001' })).toBe(
      '„sip:1001“ ist keine SIP-Adresse. Sie sollte so aussehen: sip:1001@pbx.example.com.',
    );
    expect(parseHostList('crm.example host!').problems.map(hostListProblemText)).toEqual([
      '„host!“ ist keine Website (erwartet z. B. example.com).',
    ]);
    expect(hostListProblemText({ kind: 'too-many', max: 500 })).toBe('Höchstens 500 Websites pro Liste.');
  });
});
