import type { Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { findTest, findVacancy, insertVacancyTest, vacancyTestIds, type VacancyTestRow } from '../infra/hiring.repository.ts';
import { vacancyNotFound, type Hiring } from './context.ts';

/**
 * A manager attaches a test to a vacancy (admin panel): every application
 * to it from then on is assigned the test. Attaching one already attached
 * is refused (409), so the manager learns nothing happened; the unique key
 * decides under a race. Audited on the vacancy, with its tests before and after.
 */
export async function attachVacancyTest(
  hiring: Hiring,
  input: { actor: Principal; vacancyId: string; testId: string; requestId?: string },
): Promise<VacancyTestRow> {
  const { kernel } = hiring;
  return transaction(kernel.db, async (tx) => {
    // Locked, so that the audit's before and after lists are the vacancy's real ones under concurrent changes.
    const vacancy = await findVacancy(kernel.db, input.vacancyId, tx, true);
    if (!vacancy) throw vacancyNotFound();
    const test = await findTest(kernel.db, input.testId, tx);
    if (!test) {
      throw new AppError('HIRING.UNKNOWN_TEST', 'No such test.', { errors: [{ path: '/testId', message: 'must be an existing test' }] });
    }
    const before = await vacancyTestIds(kernel.db, vacancy.id, tx);
    const attached = await insertVacancyTest(kernel.db, tx, vacancy.id, test.id);
    if (!attached) throw new AppError('HIRING.TEST_ALREADY_ATTACHED', `"${test.title}" is already attached to this vacancy.`);
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'vacancy.test_attached',
      targetType: 'vacancy',
      targetId: vacancy.id,
      before: { testIds: before.sort() },
      after: { testIds: [...before, test.id].sort() },
      requestId: input.requestId,
    });
    return attached;
  });
}
