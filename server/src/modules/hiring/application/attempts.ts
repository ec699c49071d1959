import type { Principal } from '../../../platform/http/auth.ts';
import { transaction, type Tx } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { OPEN_STATUSES } from '../domain/application-lifecycle.ts';
import { attemptState, questionsForApplicant, type Question } from '../domain/tests.ts';
import { findApplication, findAssignment, findTest, type AttemptRow, type TestRow } from '../infra/hiring.repository.ts';
import { applicationNotFound, type Hiring } from './context.ts';

export function toAttemptView(attempt: AttemptRow, questions: readonly Question[], now: Date) {
  return {
    id: attempt.id,
    number: attempt.number,
    state: attemptState(
      {
        deadline: new Date(attempt.deadline),
        submittedAt: attempt.submitted_at ? new Date(attempt.submitted_at) : null,
        passed: attempt.passed,
      },
      now,
    ),
    startedAt: new Date(attempt.started_at).toISOString(),
    deadline: new Date(attempt.deadline).toISOString(),
    submittedAt: attempt.submitted_at ? new Date(attempt.submitted_at).toISOString() : null,
    questions: questionsForApplicant(questions),
    score: attempt.score,
    passed: attempt.passed,
  };
}

export type AttemptView = ReturnType<typeof toAttemptView>;

/**
 * Loads, under a row lock on the assignment, what an applicant's attempt
 * step needs: its own open application (404 for anyone else's), the
 * assignment on it and the test. Locking the assignment serialises
 * attempts, so two racing starts never both count as the last one.
 */
export async function lockAssignmentForApplicant(
  hiring: Hiring,
  tx: Tx,
  applicant: Principal,
  applicationId: string,
  assignmentId: string,
) {
  const app = await findApplication(hiring.kernel.db, applicationId, tx);
  if (!app || app.applicant_id !== applicant.id) throw applicationNotFound();
  const assignment = await findAssignment(hiring.kernel.db, assignmentId, tx, true);
  if (!assignment || assignment.application_id !== app.id) throw new AppError('NOT_FOUND', 'No such test on this application.');
  if (!OPEN_STATUSES.includes(app.status)) {
    throw new AppError('HIRING.APPLICATION_CLOSED', `This application is ${app.status}: no more attempts are taken.`);
  }
  const test = (await findTest(hiring.kernel.db, assignment.test_id, tx)) as TestRow;
  return { app, assignment, test };
}

export async function withAssignment<T>(
  hiring: Hiring,
  applicant: Principal,
  ids: { applicationId: string; assignmentId: string },
  work: (tx: Tx, found: Awaited<ReturnType<typeof lockAssignmentForApplicant>>) => Promise<T>,
): Promise<T> {
  return transaction(hiring.kernel.db, async (tx) =>
    work(tx, await lockAssignmentForApplicant(hiring, tx, applicant, ids.applicationId, ids.assignmentId)),
  );
}
