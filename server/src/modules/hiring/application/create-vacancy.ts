import type { Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vacancyProblems, type VacancyValues } from '../domain/vacancies.ts';
import { insertVacancy, type VacancyRow } from '../infra/hiring.repository.ts';
import type { Hiring } from './context.ts';

/** A vacancy's fields as a form gives them: checked here, whatever their types. */
export type VacancyInput = Partial<Record<keyof VacancyValues, unknown>>;

export function assertVacancyValues(values: VacancyInput, creating: boolean): void {
  const problems = vacancyProblems(values, creating);
  if (problems.length) {
    throw new AppError('VALIDATION.FAILED', `The vacancy cannot be saved: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`, {
      errors: problems,
    });
  }
}

/** What the audit log keeps of a vacancy. */
export const vacancySummary = (v: VacancyRow) => ({ title: v.title, description: v.description, active: v.active });

/** A manager opens a vacancy (admin panel): validated, written and audited in one transaction. */
export async function createVacancy(
  hiring: Hiring,
  input: { actor: Principal; values: VacancyInput; requestId?: string },
): Promise<VacancyRow> {
  assertVacancyValues(input.values, true);
  const { kernel } = hiring;
  const values = input.values as Partial<VacancyValues> & Pick<VacancyValues, 'title'>;
  return transaction(kernel.db, async (tx) => {
    const created = await insertVacancy(kernel.db, tx, {
      title: values.title.trim(),
      description: values.description ?? '',
      active: values.active ?? true,
      now: kernel.clock.now(),
    });
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'vacancy.created',
      targetType: 'vacancy',
      targetId: created.id,
      after: vacancySummary(created),
      requestId: input.requestId,
    });
    return created;
  });
}
