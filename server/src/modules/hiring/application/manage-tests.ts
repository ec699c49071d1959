import type { Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { testProblems, type TestDefinition } from '../domain/tests.ts';
import { findTest, insertTest, updateTest, type TestRow } from '../infra/hiring.repository.ts';
import type { Hiring } from './context.ts';

/** Managers define tests (admin panel): validated, audited. */
export async function saveTest(
  hiring: Hiring,
  input: { actor: Principal; id?: string; test: TestDefinition; requestId?: string },
): Promise<TestRow> {
  const problems = testProblems(input.test);
  if (problems.length) {
    throw new AppError('VALIDATION.FAILED', `The test is not usable: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`, {
      errors: problems,
    });
  }
  const { kernel } = hiring;
  return transaction(kernel.db, async (tx) => {
    const values = { ...input.test, now: kernel.clock.now() };
    const before = input.id ? await findTest(kernel.db, input.id, tx, true) : undefined;
    if (input.id && !before) throw new AppError('NOT_FOUND', 'No such test.');
    const saved = input.id ? (await updateTest(kernel.db, tx, input.id, values))! : await insertTest(kernel.db, tx, values);
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: input.id ? 'hiring_test.updated' : 'hiring_test.created',
      targetType: 'hiring_test',
      targetId: saved.id,
      before: before && summary(before),
      after: summary(saved),
      requestId: input.requestId,
    });
    return saved;
  });
}

const summary = (t: TestRow) => ({
  title: t.title,
  passMark: t.pass_mark,
  timeLimitMinutes: t.time_limit_minutes,
  maxAttempts: t.max_attempts,
  questions: t.questions.length,
});
