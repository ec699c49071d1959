/**
 * Vacancies (SPEC §5): what applicants apply for, with the tests attached
 * to them. Pure: what a manager may write as a vacancy.
 */
export interface VacancyValues {
  title: string;
  description: string;
  active: boolean;
}

export const VACANCY_TITLE_MAX = 200;
export const VACANCY_DESCRIPTION_MAX = 4000;

/**
 * What is wrong with a vacancy's values (empty when they can be saved).
 * `unknown` because a panel form can post anything; a new vacancy needs a
 * title, a change only what it names.
 */
export function vacancyProblems(
  values: Partial<Record<keyof VacancyValues, unknown>>,
  creating: boolean,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const { title, description, active } = values;
  if (title === undefined ? creating : typeof title !== 'string' || !title.trim())
    problems.push({ path: 'title', message: 'must not be empty' });
  else if (typeof title === 'string' && title.trim().length > VACANCY_TITLE_MAX)
    problems.push({ path: 'title', message: `must be at most ${VACANCY_TITLE_MAX} characters` });
  if (description !== undefined && (typeof description !== 'string' || description.length > VACANCY_DESCRIPTION_MAX))
    problems.push({ path: 'description', message: `must be text of at most ${VACANCY_DESCRIPTION_MAX} characters` });
  if (active !== undefined && typeof active !== 'boolean') problems.push({ path: 'active', message: 'must be true or false' });
  return problems;
}
