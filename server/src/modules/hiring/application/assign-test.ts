import { recordApplicationEvent } from './record-application-event.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { transaction, type Tx } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { sendEmail } from '../../notifications/index.ts';
import { testsAssigned } from '../domain/emails.ts';
import {
  findApplication,
  findTest,
  findVacancy,
  insertAssignment,
  updateApplication,
  type ApplicationRow,
} from '../infra/hiring.repository.ts';
import { applicationNotFound, assertApplicationStep, type ApplicationView, type Hiring } from './context.ts';
import { viewsOf } from './applications.ts';

/** Assigns tests to an open application (vacancy tests on submission, or a manager's choice); the applicant is emailed. */
export async function assignTests(
  hiring: Hiring,
  tx: Tx,
  app: ApplicationRow,
  testIds: string[],
  by: Principal | 'system',
): Promise<ApplicationRow> {
  const { kernel } = hiring;
  assertApplicationStep(app, 'assign_test', by);
  const now = kernel.clock.now();
  const titles: string[] = [];
  for (const testId of testIds) {
    const test = await findTest(kernel.db, testId, tx);
    if (!test) {
      throw new AppError('HIRING.UNKNOWN_TEST', 'No such test.', {
        errors: [{ path: '/body/testId', message: 'must be an existing test' }],
      });
    }
    const assigned = await insertAssignment(kernel.db, tx, {
      applicationId: app.id,
      testId,
      assignedBy: by === 'system' ? null : by.id,
      now,
    });
    if (!assigned) throw new AppError('HIRING.TEST_ALREADY_ASSIGNED', `"${test.title}" is already assigned to this application.`);
    titles.push(
      `"${test.title}" (pass mark ${test.pass_mark} %, ${test.time_limit_minutes} min, ${test.max_attempts} attempt${test.max_attempts === 1 ? '' : 's'})`,
    );
  }
  const updated = app.status === 'testing' ? app : await updateApplication(kernel.db, tx, app.id, { status: 'testing' }, now);
  const vacancy = await findVacancy(kernel.db, app.vacancy_id, tx);
  await sendEmail(kernel, tx, {
    template: testsAssigned,
    to: app.email,
    data: { name: app.name, tests: titles.join(', '), vacancy: vacancy?.title ?? 'Chorecat' },
    dedupeKey: `application:${app.id}:tests:${testIds.join(',')}`,
  });
  return updated;
}

/** `POST /v1/applications/{id}/tests`: a manager assigns one test, audited. */
export async function assignTest(
  hiring: Hiring,
  input: { actor: Principal; applicationId: string; testId: string; requestId?: string },
): Promise<ApplicationView> {
  const { kernel } = hiring;
  return transaction(kernel.db, async (tx) => {
    const app = await findApplication(kernel.db, input.applicationId, tx, true);
    if (!app) throw applicationNotFound();
    const updated = await assignTests(hiring, tx, app, [input.testId], input.actor);
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'application.test_assigned',
      targetType: 'application',
      targetId: app.id,
      before: { status: app.status },
      after: { status: updated.status, testId: input.testId },
      requestId: input.requestId,
    });
    await recordApplicationEvent(hiring, tx, 'application.test_assigned', updated);
    return (await viewsOf(hiring, [updated], tx))[0]!;
  });
}
