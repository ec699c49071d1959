import { recordApplicationEvent } from './record-application-event.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { makeWorker } from '../../identity/index.ts';
import { sendEmail } from '../../notifications/index.ts';
import { applicantHired, applicantRejected } from '../domain/emails.ts';
import { workerCode } from '../domain/worker-code.ts';
import { testsBlockingHire } from '../domain/application-lifecycle.ts';
import { findApplication, insertWorkerProfile, nextWorkerSequence, updateApplication } from '../infra/hiring.repository.ts';
import { applicationNotFound, assertApplicationStep, assignmentViews, type ApplicationView, type Hiring } from './context.ts';
import { viewsOf } from './applications.ts';

/** The hiring year, in the business time zone (a hire on New Year's Eve in Tokyo is next year's). */
function businessYear(now: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(now));
}

/**
 * Hire (SPEC §5.5): only once every assigned test is passed. The applicant
 * becomes a worker (role, profile, worker code) and joins the pool at once;
 * emailed; audited.
 */
export async function hire(
  hiring: Hiring,
  input: { actor: Principal; applicationId: string; requestId?: string },
): Promise<ApplicationView> {
  const { kernel } = hiring;
  return transaction(kernel.db, async (tx) => {
    const app = await findApplication(kernel.db, input.applicationId, tx, true);
    if (!app) throw applicationNotFound();
    assertApplicationStep(app, 'hire', input.actor);
    const tests = (await assignmentViews(kernel, [app.id], tx)).get(app.id) ?? [];
    const notPassed = testsBlockingHire(tests);
    if (notPassed.length) {
      throw new AppError(
        'HIRING.TESTS_NOT_PASSED',
        `Every assigned test must be passed first: ${notPassed.map((t) => `"${t.title}" (${t.status})`).join(', ')}.`,
      );
    }
    const now = kernel.clock.now();
    const year = businessYear(now, kernel.config.businessTimeZone);
    const code = workerCode({ skills: app.skills, breed: app.breed, year, sequence: await nextWorkerSequence(kernel.db, tx, year) });
    await makeWorker(kernel, tx, app.applicant_id);
    await insertWorkerProfile(kernel.db, tx, {
      user_id: app.applicant_id,
      worker_code: code,
      application_id: app.id,
      name: app.name,
      breed: app.breed,
      age: app.age,
      skills: app.skills,
      preferred_service_type_ids: app.preferred_service_type_ids,
      hired_at: now,
    });
    const updated = await updateApplication(
      kernel.db,
      tx,
      app.id,
      { status: 'hired', decided_at: now, decided_by: input.actor.id, worker_id: app.applicant_id },
      now,
    );
    await sendEmail(kernel, tx, {
      template: applicantHired,
      to: app.email,
      data: { name: app.name, workerCode: code },
      dedupeKey: `application:${app.id}:hired`,
    });
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'application.hired',
      targetType: 'application',
      targetId: app.id,
      before: { status: app.status },
      after: { status: 'hired', workerId: app.applicant_id, workerCode: code },
      requestId: input.requestId,
    });
    await recordApplicationEvent(hiring, tx, 'application.hired', updated);
    return (await viewsOf(hiring, [updated], tx))[0]!;
  });
}

/** Reject, with the reason the applicant is emailed; audited. */
export async function reject(
  hiring: Hiring,
  input: { actor: Principal; applicationId: string; reason: string; requestId?: string },
): Promise<ApplicationView> {
  const { kernel } = hiring;
  return transaction(kernel.db, async (tx) => {
    const app = await findApplication(kernel.db, input.applicationId, tx, true);
    if (!app) throw applicationNotFound();
    assertApplicationStep(app, 'reject', input.actor);
    const reason = input.reason.trim();
    if (!reason)
      throw new AppError('VALIDATION.FAILED', 'Give the reason.', { errors: [{ path: '/body/reason', message: 'must not be empty' }] });
    const now = kernel.clock.now();
    const updated = await updateApplication(
      kernel.db,
      tx,
      app.id,
      { status: 'rejected', decision_reason: reason, decided_at: now, decided_by: input.actor.id },
      now,
    );
    await sendEmail(kernel, tx, {
      template: applicantRejected,
      to: app.email,
      data: { name: app.name, reason },
      dedupeKey: `application:${app.id}:rejected`,
    });
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'application.rejected',
      targetType: 'application',
      targetId: app.id,
      before: { status: app.status },
      after: { status: 'rejected', reason },
      requestId: input.requestId,
    });
    await recordApplicationEvent(hiring, tx, 'application.rejected', updated);
    return (await viewsOf(hiring, [updated], tx))[0]!;
  });
}
