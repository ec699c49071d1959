import express, { type RequestHandler } from 'express';
import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import { AppError } from '../../../platform/errors.ts';
import { createRateLimiter } from '../../../platform/http/rate-limit.ts';
import type { ApplicationStatus } from '../domain/application-lifecycle.ts';
import type { Hiring } from '../application/context.ts';
import { getApplication, listApplications } from '../application/applications.ts';
import { submitApplication, type NewApplication } from '../application/submit-application.ts';
import { assignTest } from '../application/assign-test.ts';
import { startAttempt } from '../application/start-attempt.ts';
import { submitAnswers } from '../application/submit-answers.ts';
import { hire, reject } from '../application/decide.ts';
import { getWorker, listWorkers } from '../application/workers.ts';
import { listVacancies } from '../application/vacancies.ts';

export const APPLICATION_BODY_LIMIT = '16kb';

/**
 * The public form's flood defence, cheapest refusal first (SPEC §5.2): per
 * address and global rate limits (shared through PostgreSQL, refused from
 * memory once exceeded), then a 16 kB body limit, before any token check,
 * validation or query. The proof-of-work is the operation's guard.
 */
export function applicationFloodDefence(h: Hiring): { path: string; handlers: RequestHandler[] } {
  const { db, config } = h.kernel;
  const submission = (req: express.Request) => req.method === 'POST' && (req.path === '/' || req.path === '');
  return {
    path: '/v1/applications',
    handlers: [
      createRateLimiter(db, { name: 'applications', perWindow: config.applications.perAddressPerMinute, only: submission }),
      createRateLimiter(db, {
        name: 'applications-all',
        perWindow: config.applications.globalPerMinute,
        only: submission,
        key: () => 'all',
      }),
      (req, res, next) => (submission(req) ? express.json({ limit: APPLICATION_BODY_LIMIT })(req, res, next) : next()),
    ],
  };
}

/** Verifies the proof-of-work statelessly (one HMAC, one hash): a bad one is refused before anything is stored. */
export function proofOfWorkGuard(h: Hiring): RequestHandler {
  return (req, res, next) => {
    const payload = (req.body as { challenge?: string }).challenge ?? '';
    h.pow.verify(payload).then((digest) => {
      if (!digest)
        return next(
          new AppError(
            'HIRING.CHALLENGE_INVALID',
            'The proof-of-work is missing, wrong or expired: fetch GET /v1/application-challenge and solve it.',
          ),
        );
      res.locals.challengeDigest = digest;
      next();
    }, next);
  };
}

export function hiringHandlers(h: Hiring): OperationHandlers {
  const limit = (q: { limit?: string | number }) => Number(q.limit ?? 20);
  return {
    async getApplicationChallenge(_req, res) {
      res.setHeader('Cache-Control', 'no-store');
      res.json(await h.pow.issue());
    },
    async listVacancies(_req, res) {
      res.json(await listVacancies(h));
    },
    async createApplication(req, res) {
      const { challenge: _challenge, ...application } = req.body as NewApplication & { challenge: string };
      const receipt = await submitApplication(h, { application, challengeDigest: String(res.locals.challengeDigest) });
      res.status(receipt.duplicate ? 200 : 201);
      if (!receipt.duplicate) res.location(`/v1/applications/${receipt.id}`);
      res.json(receipt);
    },
    async listApplications(req, res) {
      const q = req.query as { status?: ApplicationStatus; limit?: string; cursor?: string };
      res.json(await listApplications(h, req.principal!, { status: q.status, limit: limit(q), cursor: q.cursor }));
    },
    async getApplication(req, res) {
      res.json(await getApplication(h, req.principal!, String(req.params.id)));
    },
    async assignApplicationTest(req, res) {
      const body = req.body as { testId: string };
      res.status(201).json(
        await assignTest(h, {
          actor: req.principal!,
          applicationId: String(req.params.id),
          testId: body.testId,
          requestId: req.requestId,
        }),
      );
    },
    async startTestAttempt(req, res) {
      const { attempt, created } = await startAttempt(h, {
        applicant: req.principal!,
        applicationId: String(req.params.id),
        assignmentId: String(req.params.assignmentId),
      });
      res.status(created ? 201 : 200).json(attempt);
    },
    async submitTestAnswers(req, res) {
      res.json(
        await submitAnswers(h, {
          applicant: req.principal!,
          applicationId: String(req.params.id),
          assignmentId: String(req.params.assignmentId),
          attemptId: String(req.params.attemptId),
          answers: (req.body as { answers: number[] }).answers,
        }),
      );
    },
    async hireApplicant(req, res) {
      res.json(await hire(h, { actor: req.principal!, applicationId: String(req.params.id), requestId: req.requestId }));
    },
    async rejectApplication(req, res) {
      const body = req.body as { reason: string };
      res.json(
        await reject(h, { actor: req.principal!, applicationId: String(req.params.id), reason: body.reason, requestId: req.requestId }),
      );
    },
    async listWorkers(req, res) {
      const q = req.query as { limit?: string; cursor?: string };
      res.json(await listWorkers(h, { limit: limit(q), cursor: q.cursor }));
    },
    async getWorker(req, res) {
      res.json(await getWorker(h, req.principal!, String(req.params.id)));
    },
  };
}
