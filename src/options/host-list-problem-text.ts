// A typed site list's problem (shared/click-to-call-settings.ts finds them) in the UI
// language, for the click-to-call form that marks the list.
import type { HostListProblem } from '../shared/click-to-call-settings';
import { plural, t } from '../shared/i18n';

export function hostListProblemText(problem: HostListProblem): string {
  return problem.kind === 'not-a-site'
    ? t('options_problem_not_a_site', { entry: problem.entry })
    : plural('options_problem_too_many_sites', problem.max);
}
