import type { Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { deleteVacancyTest, findVacancy, vacancyTestIds, type VacancyTestRow } from '../infra/hiring.repository.ts';
import { vacancyNotFound, type Hiring } from './context.ts';

/**
 * A manager detaches a test from a vacancy (admin panel): later
 * applications are no longer assigned it; applications already assigned it
 * keep it. Audited on the vacancy, with its tests before and after.
 */
export async function detachVacancyTest(
  hiring: Hiring,
  input: { actor: Principal; vacancyId: string; testId: string; requestId?: string },
): Promise<VacancyTestRow> {
  const { kernel } = hiring;
  return transaction(kernel.db, async (tx) => {
    const vacancy = await findVacancy(kernel.db, input.vacancyId, tx, true);
    if (!vacancy) throw vacancyNotFound();
    const before = await vacancyTestIds(kernel.db, vacancy.id, tx);
    const detached = await deleteVacancyTest(kernel.db, tx, vacancy.id, input.testId);
    if (!detached) throw new AppError('NOT_FOUND', 'That test is not attached to this vacancy.');
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'vacancy.test_detached',
      targetType: 'vacancy',
      targetId: vacancy.id,
      before: { testIds: before.sort() },
      after: { testIds: before.filter((id) => id !== input.testId).sort() },
      requestId: input.requestId,
    });
    return detached;
  });
}
