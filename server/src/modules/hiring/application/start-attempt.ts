import type { Principal } from '../../../platform/http/auth.ts';
import { AppError } from '../../../platform/errors.ts';
import { attemptState } from '../domain/tests.ts';
import { attemptsOf, insertAttempt } from '../infra/hiring.repository.ts';
import type { Hiring } from './context.ts';
import { toAttemptView, withAssignment, type AttemptView } from './attempts.ts';

/**
 * The applicant starts an attempt: the clock of its time limit starts now
 * (the platform clock), and it gets the questions without their answers.
 * An attempt still running is returned as it is (`created: false`); a
 * passed test or one out of attempts is refused with 409.
 */
export async function startAttempt(
  hiring: Hiring,
  input: { applicant: Principal; applicationId: string; assignmentId: string },
): Promise<{ attempt: AttemptView; created: boolean }> {
  return withAssignment(hiring, input.applicant, input, async (tx, { assignment, test }) => {
    const now = hiring.kernel.clock.now();
    if (assignment.status === 'passed') throw new AppError('HIRING.TEST_PASSED', `"${test.title}" is already passed.`);
    const attempts = await attemptsOf(hiring.kernel.db, assignment.id, tx);
    const running = attempts.find(
      (a) =>
        attemptState(
          { deadline: new Date(a.deadline), submittedAt: a.submitted_at ? new Date(a.submitted_at) : null, passed: a.passed },
          now,
        ) === 'in_progress',
    );
    if (running) return { attempt: toAttemptView(running, test.questions, now), created: false };
    if (attempts.length >= test.max_attempts) {
      throw new AppError('HIRING.NO_ATTEMPTS_LEFT', `All ${test.max_attempts} attempts at "${test.title}" are used.`);
    }
    const attempt = await insertAttempt(hiring.kernel.db, tx, {
      assignmentId: assignment.id,
      number: attempts.length + 1,
      startedAt: now,
      deadline: new Date(now.getTime() + test.time_limit_minutes * 60_000),
    });
    return { attempt: toAttemptView(attempt, test.questions, now), created: true };
  });
}
