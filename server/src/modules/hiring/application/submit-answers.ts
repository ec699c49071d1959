import type { Principal } from '../../../platform/http/auth.ts';
import { AppError } from '../../../platform/errors.ts';
import { sendEmail } from '../../notifications/index.ts';
import { testResult } from '../domain/emails.ts';
import { passes, scoreAnswers } from '../domain/tests.ts';
import { attemptsOf, recordAnswers, updateAssignment } from '../infra/hiring.repository.ts';
import type { Hiring } from './context.ts';
import { toAttemptView, withAssignment, type AttemptView } from './attempts.ts';

/**
 * The applicant submits an attempt's answers (one choice index per
 * question): scored on the server against the pass mark, within the time
 * limit (a late submission is refused and changes nothing; the attempt has
 * expired and counts as used). The result is emailed.
 */
export async function submitAnswers(
  hiring: Hiring,
  input: { applicant: Principal; applicationId: string; assignmentId: string; attemptId: string; answers: number[] },
): Promise<AttemptView & { correct: number; total: number; attemptsLeft: number }> {
  return withAssignment(hiring, input.applicant, input, async (tx, { app, assignment, test }) => {
    const now = hiring.kernel.clock.now();
    const attempts = await attemptsOf(hiring.kernel.db, assignment.id, tx);
    const attempt = attempts.find((a) => a.id === input.attemptId);
    if (!attempt) throw new AppError('NOT_FOUND', 'No such attempt.');
    if (attempt.submitted_at) throw new AppError('HIRING.ATTEMPT_SUBMITTED', 'This attempt was already submitted.');
    if (now.getTime() > new Date(attempt.deadline).getTime()) {
      throw new AppError(
        'HIRING.ATTEMPT_EXPIRED',
        `The ${test.time_limit_minutes}-minute limit of this attempt has passed; it counts as used.`,
      );
    }
    if (input.answers.length !== test.questions.length) {
      throw new AppError('HIRING.ANSWERS_INVALID', `Give one answer per question: ${test.questions.length} expected.`, {
        errors: [{ path: '/body/answers', message: `must have ${test.questions.length} items` }],
      });
    }
    const { correct, total, score } = scoreAnswers(test.questions, input.answers);
    const passed = passes(score, test.pass_mark);
    const recorded = await recordAnswers(hiring.kernel.db, tx, attempt.id, { answers: input.answers, score, passed, now });
    const attemptsLeft = passed ? 0 : test.max_attempts - attempts.length;
    const best = Math.max(score, assignment.best_score ?? 0);
    await updateAssignment(hiring.kernel.db, tx, assignment.id, {
      status: passed || assignment.status === 'passed' ? 'passed' : attemptsLeft === 0 ? 'failed' : 'assigned',
      best_score: best,
    });
    await sendEmail(hiring.kernel, tx, {
      template: testResult,
      to: app.email,
      data: { name: app.name, test: test.title, score, passMark: test.pass_mark, passed, attemptsLeft },
      dedupeKey: `attempt:${attempt.id}:result`,
    });
    return { ...toAttemptView(recorded, test.questions, now), correct, total, attemptsLeft };
  });
}
