import type { Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { VacancyValues } from '../domain/vacancies.ts';
import { findVacancy, updateVacancy as saveVacancy, type VacancyRow } from '../infra/hiring.repository.ts';
import { vacancyNotFound, type Hiring } from './context.ts';
import { assertVacancyValues, vacancySummary, type VacancyInput } from './create-vacancy.ts';

/**
 * A manager changes a vacancy (admin panel): only the fields it names,
 * validated, audited with the vacancy before and after in the same
 * transaction. Closing one (`active: false`) stops new applications only.
 */
export async function updateVacancy(
  hiring: Hiring,
  input: { actor: Principal; id: string; changes: VacancyInput; requestId?: string },
): Promise<VacancyRow> {
  assertVacancyValues(input.changes, false);
  const { kernel } = hiring;
  const changes = input.changes as Partial<VacancyValues>;
  return transaction(kernel.db, async (tx) => {
    const current = await findVacancy(kernel.db, input.id, tx, true);
    if (!current) throw vacancyNotFound();
    const saved = await saveVacancy(kernel.db, tx, current.id, {
      title: changes.title?.trim() ?? current.title,
      description: changes.description ?? current.description,
      active: changes.active ?? current.active,
      now: kernel.clock.now(),
    });
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'vacancy.updated',
      targetType: 'vacancy',
      targetId: saved.id,
      before: vacancySummary(current),
      after: vacancySummary(saved),
      requestId: input.requestId,
    });
    return saved;
  });
}
