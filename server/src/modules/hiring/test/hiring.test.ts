import { describe, it, expect } from 'vitest';
import { createChallenge, solveChallenge, verifySolution } from 'altcha-lib/v1';
import {
  APPLICATION_STATUSES,
  APPLICATION_EVENTS,
  decideApplication,
  type ApplicationActor,
  type ApplicationEvent,
  type ApplicationStatus,
} from '../domain/application-lifecycle.ts';
import { attemptState, passes, questionsForApplicant, scoreAnswers, testProblems, type Question } from '../domain/tests.ts';
import { workerCode, WORKER_CODE_PATTERN } from '../domain/worker-code.ts';
import { vacancyProblems } from '../domain/vacancies.ts';
import { createProofOfWork, verifyAltchaV1 } from '../infra/proof-of-work.ts';

/** From SPEC §5, independently of the table. */
const EXPECTED: Record<ApplicationEvent, { from: ApplicationStatus[]; to: ApplicationStatus; by: ApplicationActor[] }> = {
  assign_test: { from: ['received', 'testing'], to: 'testing', by: ['manager', 'admin', 'system'] },
  hire: { from: ['received', 'testing'], to: 'hired', by: ['manager', 'admin'] },
  reject: { from: ['received', 'testing'], to: 'rejected', by: ['manager', 'admin'] },
};

describe('application lifecycle: every status × event × actor', () => {
  for (const status of APPLICATION_STATUSES) {
    for (const event of APPLICATION_EVENTS) {
      for (const actor of ['manager', 'admin', 'system'] as ApplicationActor[]) {
        const { from, to, by } = EXPECTED[event];
        const expected = !from.includes(status) ? 'illegal_transition' : !by.includes(actor) ? 'not_allowed' : to;
        it(`${status} × ${event} by ${actor} → ${expected}`, () => {
          const decision = decideApplication(status, event, [actor]);
          expect(decision.ok ? decision.to : decision.reason).toBe(expected);
        });
      }
    }
  }
});

const QUESTIONS: Question[] = [
  { text: 'a', choices: ['x', 'y'], correct: 0 },
  { text: 'b', choices: ['x', 'y'], correct: 1 },
  { text: 'c', choices: ['x', 'y', 'z'], correct: 2 },
];

describe('scoring', () => {
  it('scores the share of right answers, rounded down, and passes at the mark exactly', () => {
    expect(scoreAnswers(QUESTIONS, [0, 1, 2])).toEqual({ correct: 3, total: 3, score: 100 });
    expect(scoreAnswers(QUESTIONS, [0, 1, 0])).toEqual({ correct: 2, total: 3, score: 66 });
    expect(scoreAnswers(QUESTIONS, [9, 9, 9])).toEqual({ correct: 0, total: 3, score: 0 });
    expect(scoreAnswers(QUESTIONS, [0])).toMatchObject({ correct: 1, score: 33 });
    expect(passes(66, 66)).toBe(true);
    expect(passes(66, 67)).toBe(false);
    expect(passes(100, 100)).toBe(true);
  });

  it('never shows the right answers', () => {
    expect(JSON.stringify(questionsForApplicant(QUESTIONS))).not.toContain('correct');
  });

  it('expires an unsubmitted attempt one millisecond after its deadline', () => {
    const deadline = new Date('2026-01-01T10:20:00Z');
    expect(attemptState({ deadline, submittedAt: null, passed: null }, deadline)).toBe('in_progress');
    expect(attemptState({ deadline, submittedAt: null, passed: null }, new Date(deadline.getTime() + 1))).toBe('expired');
    expect(attemptState({ deadline, submittedAt: deadline, passed: true }, new Date(deadline.getTime() + 1))).toBe('passed');
    expect(attemptState({ deadline, submittedAt: deadline, passed: false }, deadline)).toBe('failed');
  });

  it('refuses unusable tests, naming each problem', () => {
    const good = { title: 'T', questions: QUESTIONS, passMark: 60, timeLimitMinutes: 10, maxAttempts: 2 };
    expect(testProblems(good)).toEqual([]);
    expect(testProblems({ ...good, questions: [] }).map((p) => p.path)).toEqual(['questions']);
    expect(testProblems({ ...good, questions: [{ text: 'q', choices: ['only'], correct: 1 }] }).map((p) => p.path)).toEqual([
      'questions.0.choices',
      'questions.0.correct',
    ]);
    for (const [field, value] of [
      ['passMark', 0],
      ['passMark', 101],
      ['timeLimitMinutes', 0],
      ['timeLimitMinutes', 601],
      ['maxAttempts', 0],
      ['maxAttempts', 21],
    ] as const) {
      expect(testProblems({ ...good, [field]: value }).map((p) => p.path)).toEqual([field]);
    }
    for (const [field, value] of [
      ['passMark', 1],
      ['passMark', 100],
      ['timeLimitMinutes', 600],
      ['maxAttempts', 20],
    ] as const) {
      expect(testProblems({ ...good, [field]: value })).toEqual([]);
    }
  });
});

describe('vacancies', () => {
  it('needs a title to open one, checks only what a change names, and refuses what a form cannot mean', () => {
    expect(vacancyProblems({ title: 'Groomer' }, true)).toEqual([]);
    expect(vacancyProblems({}, false)).toEqual([]);
    expect(vacancyProblems({ active: false }, false)).toEqual([]);
    expect(vacancyProblems({ title: 'x'.repeat(200), description: 'y'.repeat(4000), active: true }, true)).toEqual([]);
    expect(vacancyProblems({}, true).map((p) => p.path)).toEqual(['title']);
    expect(vacancyProblems({ title: ' \t' }, false).map((p) => p.path)).toEqual(['title']);
    expect(vacancyProblems({ title: 7 }, false).map((p) => p.path)).toEqual(['title']);
    expect(
      vacancyProblems({ title: `  ${'x'.repeat(201)}  `, description: 'y'.repeat(4001), active: 'perhaps' }, true).map((p) => p.path),
    ).toEqual(['title', 'description', 'active']);
  });
});

describe('worker codes', () => {
  it('composes skills, breed, year and sequence in a documented, stable format', () => {
    expect(workerCode({ skills: ['Cleaning', 'laundry', 'Windows', 'Dusting'], breed: 'Siamese', year: 2026, sequence: 7 })).toBe(
      'CLW-SIA-2026-0007',
    );
    expect(workerCode({ skills: [], breed: '', year: 2026, sequence: 12_345 })).toBe('X-XXX-2026-12345');
    expect(workerCode({ skills: ['  ', 'Éclairage'], breed: 'Ox', year: 2027, sequence: 1 })).toBe('E-OXX-2027-0001');
    expect(workerCode({ skills: ['3D printing'], breed: 'Maine Coon', year: 2026, sequence: 2 })).toBe('D-MAI-2026-0002');
    for (const code of ['CLW-SIA-2026-0007', 'X-XXX-2026-12345']) expect(code).toMatch(WORKER_CODE_PATTERN);
  });
});

describe('proof-of-work', () => {
  const solve = async (pow: ReturnType<typeof createProofOfWork>) => {
    const c = await pow.issue();
    const s = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
    return { c, payload: Buffer.from(JSON.stringify({ ...c, number: s!.number, maxnumber: undefined })).toString('base64') };
  };

  it('accepts a solution to its own challenge, and nothing else', async () => {
    const pow = createProofOfWork({ secret: 's'.repeat(40), maxNumber: 500, ttlMs: 60_000 });
    const { c, payload } = await solve(pow);
    expect(await pow.verify(payload)).toBe(c.challenge);
    const other = createProofOfWork({ secret: 't'.repeat(40), maxNumber: 500, ttlMs: 60_000 });
    expect(await other.verify(payload)).toBeUndefined();
    expect(await pow.verify('not base64 json')).toBeUndefined();
    expect(await pow.verify('x'.repeat(3000))).toBeUndefined();
  });

  it('refuses an expired challenge', async () => {
    const pow = createProofOfWork({ secret: 's'.repeat(40), maxNumber: 500, ttlMs: -1_000 });
    const { payload } = await solve(pow);
    expect(await pow.verify(payload)).toBeUndefined();
  });

  it('agrees with altcha-lib on what is a valid solution (the fast check is the same check)', async () => {
    const key = 'k'.repeat(32);
    for (const expiresIn of [60_000, -60_000]) {
      const c = await createChallenge({ hmacKey: key, maxnumber: 300, expires: new Date(Date.now() + expiresIn) });
      const s = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
      for (const number of [s!.number, s!.number + 1]) {
        const payload = Buffer.from(
          JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number, salt: c.salt, signature: c.signature }),
        ).toString('base64');
        expect(verifyAltchaV1(payload, key) !== undefined).toBe(await verifySolution(payload, key, true));
      }
    }
  });
});
