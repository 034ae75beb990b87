// An account field's problem (shared/account.ts finds them) in the UI language, for the
// form that marks the field.
import type { AccountProblem } from '../shared/account';
import { t } from '../shared/i18n';

export function accountProblemText(problem: AccountProblem): string {
  switch (problem.kind) {
    case 'server-missing':
      return t('options_problem_server_missing');
    case 'server-not-url':
      return t('options_problem_server_not_url', { value: problem.value });
    case 'server-scheme':
      return t('options_problem_server_scheme', { value: problem.value });
    case 'server-no-host':
      return t('options_problem_server_no_host');
    case 'aor-missing':
      return t('options_problem_aor_missing');
    case 'aor-invalid':
      return t('options_problem_aor_invalid', { value: problem.value });
    case 'authorization-user-spaces':
      return t('options_problem_authorization_user_spaces');
    case 'password-missing':
      return t('options_problem_password_missing');
    case 'ice-invalid':
      return t('options_problem_ice_invalid', { value: problem.value });
  }
}
