import express, { type RequestHandler } from 'express';
import { contractHandlers } from '../../../platform/http/contract.ts';
import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import { AppError } from '../../../platform/errors.ts';
import { createRateLimiter } from '../../../platform/http/rate-limit.ts';
import type { Hiring } from '../application/context.ts';
import { getApplication, listApplications } from '../application/applications.ts';
import { challengeReused, submitApplication } from '../application/submit-application.ts';
import { assignTest } from '../application/assign-test.ts';
import { startAttempt } from '../application/start-attempt.ts';
import { submitAnswers } from '../application/submit-answers.ts';
import { hire, reject } from '../application/decide.ts';
import { getWorker, listWorkers } from '../application/workers.ts';
import { listVacancies } from '../application/vacancies.ts';

export const APPLICATION_BODY_LIMIT = '16kb';

// The platform runs this module's early handlers on the form's exact path only.
const isSubmission = (req: express.Request) => req.method === 'POST';

/**
 * The public form's flood defence, cheapest refusal first (SPEC §5.2), all
 * before any token check, validation or other query: a 16 kB body limit;
 * the proof-of-work, verified with one HMAC and one hash (forged or expired:
 * 422) and refused from memory when this process has seen it spent (409);
 * then the per-address and the global rate limits (shared through
 * PostgreSQL, refused from memory once exceeded). The global budget is thus
 * spent only by real work, never by a forged flood. Spending the solution
 * for good is the use case's, in its transaction.
 */
export function applicationFloodDefence(h: Hiring): { path: string; handlers: RequestHandler[] } {
  const { db, config } = h.kernel;
  const { refusalDelayMs } = config.applications;
  const onlySubmissions =
    (handler: RequestHandler): RequestHandler =>
    (req, res, next) =>
      isSubmission(req) ? handler(req, res, next) : next();
  return {
    path: '/v1/applications',
    handlers: [
      onlySubmissions(express.json({ limit: APPLICATION_BODY_LIMIT })),
      onlySubmissions(proofOfWorkGate(h)),
      createRateLimiter(db, {
        name: 'applications',
        perWindow: config.applications.perAddressPerMinute,
        only: isSubmission,
        refusalDelayMs,
      }),
      createRateLimiter(db, {
        name: 'applications-all',
        perWindow: config.applications.globalPerMinute,
        only: isSubmission,
        key: () => 'all',
        refusalDelayMs,
      }),
    ],
  };
}

function proofOfWorkGate(h: Hiring): RequestHandler {
  const delay = h.kernel.config.applications.refusalDelayMs;
  // A tarpit: refusals are answered late (a timer, no CPU), so a client flooding and waiting for answers slows itself down.
  const refuse = (next: (error: unknown) => void, error: AppError) => (delay ? setTimeout(() => next(error), delay).unref() : next(error));
  return (req, res, next) => {
    const body = req.body as { challenge?: unknown } | undefined;
    const digest = h.pow.verify(typeof body?.challenge === 'string' ? body.challenge : '');
    if (!digest) {
      return refuse(
        next,
        new AppError(
          'HIRING.CHALLENGE_INVALID',
          'The proof-of-work is missing, wrong or expired: fetch GET /v1/application-challenge and solve it.',
        ),
      );
    }
    if (h.pow.spent(digest, req.get('idempotency-key'))) return refuse(next, challengeReused());
    res.locals.challengeDigest = digest;
    next();
  };
}

export function hiringHandlers(h: Hiring): OperationHandlers {
  return contractHandlers({
    async getApplicationChallenge(_req, res) {
      res.setHeader('Cache-Control', 'no-store');
      res.json(await h.pow.issue());
    },
    async listVacancies(_req, res) {
      res.json(await listVacancies(h));
    },
    async createApplication(req, res) {
      const { challenge: _challenge, ...application } = req.body;
      const receipt = await submitApplication(h, {
        application,
        challengeDigest: String(res.locals.challengeDigest),
        retryKey: req.get('idempotency-key'),
      });
      if (receipt.duplicate) res.status(200).json(receipt);
      else res.status(201).location(`/v1/applications/${receipt.id}`).json(receipt);
    },
    async listApplications(req, res) {
      res.json(await listApplications(h, req.principal!, { ...req.query, limit: req.query.limit ?? 20 }));
    },
    async getApplication(req, res) {
      res.json(await getApplication(h, req.principal!, req.params.id));
    },
    async assignApplicationTest(req, res) {
      res
        .status(201)
        .json(
          await assignTest(h, { actor: req.principal!, applicationId: req.params.id, testId: req.body.testId, requestId: req.requestId }),
        );
    },
    async startTestAttempt(req, res) {
      const { attempt, created } = await startAttempt(h, {
        applicant: req.principal!,
        applicationId: req.params.id,
        assignmentId: req.params.assignmentId,
      });
      res.status(created ? 201 : 200).json(attempt);
    },
    async submitTestAnswers(req, res) {
      res.json(
        await submitAnswers(h, {
          applicant: req.principal!,
          applicationId: req.params.id,
          assignmentId: req.params.assignmentId,
          attemptId: req.params.attemptId,
          answers: req.body.answers,
        }),
      );
    },
    async hireApplicant(req, res) {
      res.json(await hire(h, { actor: req.principal!, applicationId: req.params.id, requestId: req.requestId }));
    },
    async rejectApplication(req, res) {
      res.json(await reject(h, { actor: req.principal!, applicationId: req.params.id, reason: req.body.reason, requestId: req.requestId }));
    },
    async listWorkers(req, res) {
      res.json(await listWorkers(h, { ...req.query, limit: req.query.limit ?? 20 }));
    },
    async getWorker(req, res) {
      res.json(await getWorker(h, req.principal!, req.params.id));
    },
  });
}
