/**
 * Hiring tests (SPEC §5.4): multiple-choice questions scored on the server
 * against a pass mark, within a time limit and an attempt limit. Pure.
 */
export interface Question {
  text: string;
  choices: string[];
  /** Index of the right choice; never shown to applicants. */
  correct: number;
}

export interface TestDefinition {
  title: string;
  questions: Question[];
  passMark: number;
  timeLimitMinutes: number;
  maxAttempts: number;
}

/** What is wrong with a test definition (empty when it can be used). */
export function testProblems(test: TestDefinition): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!test.title.trim()) problems.push({ path: 'title', message: 'must not be empty' });
  if (test.questions.length === 0) problems.push({ path: 'questions', message: 'needs at least one question' });
  test.questions.forEach((q, i) => {
    if (!q.text.trim()) problems.push({ path: `questions.${i}.text`, message: 'must not be empty' });
    if (q.choices.length < 2) problems.push({ path: `questions.${i}.choices`, message: 'needs at least two choices' });
    if (q.choices.some((c) => !c.trim())) problems.push({ path: `questions.${i}.choices`, message: 'choices must not be empty' });
    if (!Number.isInteger(q.correct) || q.correct < 0 || q.correct >= q.choices.length) {
      problems.push({ path: `questions.${i}.correct`, message: 'must be the index of one of the choices' });
    }
  });
  if (!Number.isInteger(test.passMark) || test.passMark < 1 || test.passMark > 100)
    problems.push({ path: 'passMark', message: 'must be 1 to 100 (%)' });
  if (!Number.isInteger(test.timeLimitMinutes) || test.timeLimitMinutes < 1 || test.timeLimitMinutes > 600) {
    problems.push({ path: 'timeLimitMinutes', message: 'must be 1 to 600' });
  }
  if (!Number.isInteger(test.maxAttempts) || test.maxAttempts < 1 || test.maxAttempts > 20)
    problems.push({ path: 'maxAttempts', message: 'must be 1 to 20' });
  return problems;
}

/**
 * Scores answers (one choice index per question, in order): the share of
 * right answers as a whole percentage, rounded down so that a pass is never
 * granted by rounding. A missing or out-of-range answer is wrong.
 */
export function scoreAnswers(
  questions: readonly Question[],
  answers: readonly number[],
): { correct: number; total: number; score: number } {
  const correct = questions.filter((q, i) => answers[i] === q.correct).length;
  return { correct, total: questions.length, score: Math.floor((correct * 100) / questions.length) };
}

export const passes = (score: number, passMark: number): boolean => score >= passMark;

/** The questions as an applicant sees them: no right answers. */
export function questionsForApplicant(questions: readonly Question[]): { text: string; choices: string[] }[] {
  return questions.map((q) => ({ text: q.text, choices: [...q.choices] }));
}

export type AttemptState = 'in_progress' | 'expired' | 'passed' | 'failed';

/** An attempt's state from its record and the time: an unsubmitted attempt past its deadline has expired (and counts as used). */
export function attemptState(attempt: { deadline: Date; submittedAt: Date | null; passed: boolean | null }, now: Date): AttemptState {
  if (attempt.submittedAt) return attempt.passed ? 'passed' : 'failed';
  return now.getTime() <= attempt.deadline.getTime() ? 'in_progress' : 'expired';
}
