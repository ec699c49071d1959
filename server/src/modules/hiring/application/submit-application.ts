import { recordApplicationEvent } from './record-application-event.ts';
import { sql, transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { systemClock } from '../../../platform/clock.ts';
import type { Schemas } from '../../../platform/http/contract.ts';
import { getServiceType } from '../../catalog/index.ts';
import { contactsWithRole, openApplicantAccount } from '../../identity/index.ts';
import { sendEmail } from '../../notifications/index.ts';
import { applicationForManagers, applicationReceived } from '../domain/emails.ts';
import { findOpenApplicationByEmail, findVacancy, insertApplication, redeemChallenge, vacancyTestIds } from '../infra/hiring.repository.ts';
import type { Hiring } from './context.ts';
import { assignTests } from './assign-test.ts';

export interface NewApplication {
  name: string;
  email: string;
  breed: string;
  age: number;
  skills: string[];
  preferredServiceTypeIds?: string[];
  vacancyId: string;
}

export type ApplicationReceipt = Schemas['ApplicationReceipt'];

/**
 * A public submission (SPEC §5.1–2), its proof-of-work already verified by
 * the route's guard (`challengeDigest`). In one transaction: the solution
 * is spent (a replay is refused), an open application for the same email is
 * returned as it is (creating nothing), or the applicant's account and the
 * application are created, the vacancy's tests assigned, and the applicant
 * and every manager emailed.
 */
export const challengeReused = () =>
  new AppError('HIRING.CHALLENGE_REUSED', 'This proof-of-work was already used; fetch a new challenge and solve it.');

export async function submitApplication(
  hiring: Hiring,
  input: { application: NewApplication; challengeDigest: string; retryKey?: string },
): Promise<ApplicationReceipt> {
  const { kernel } = hiring;
  const a = input.application;
  const vacancy = await findVacancy(kernel.db, a.vacancyId);
  if (!vacancy?.active) {
    throw new AppError('HIRING.VACANCY_UNAVAILABLE', 'That vacancy does not exist or is closed.', {
      errors: [{ path: '/body/vacancyId', message: 'must be an open vacancy' }],
    });
  }
  const preferred = [...new Set(a.preferredServiceTypeIds ?? [])];
  for (const id of preferred) {
    if (!(await getServiceType(kernel, id))) {
      throw new AppError('HIRING.UNKNOWN_SERVICE_TYPE', 'A preferred service type does not exist.', {
        errors: [{ path: '/body/preferredServiceTypeIds', message: `no service type ${id}` }],
      });
    }
  }
  const receipt = await transaction(kernel.db, async (tx) => {
    // Real time: challenges expire in real time, and so does their record.
    if (!(await redeemChallenge(kernel.db, tx, input.challengeDigest, systemClock.now()))) {
      hiring.pow.markSpent(input.challengeDigest);
      throw challengeReused();
    }
    // One submission per email at a time: a racing duplicate waits, then finds the first (and its account is not touched).
    await sql(kernel.db, 'SELECT pg_advisory_xact_lock(hashtext($1))', [`application:${a.email.trim().toLowerCase()}`], tx);
    const open = await findOpenApplicationByEmail(kernel.db, a.email, tx);
    if (open) return { id: open.id, status: open.status, duplicate: true };
    const now = kernel.clock.now();
    const account = await openApplicantAccount(kernel, tx, { email: a.email, name: a.name });
    const created = await insertApplication(kernel.db, tx, {
      applicantId: account.userId,
      vacancyId: vacancy.id,
      name: a.name.trim(),
      email: a.email.trim().toLowerCase(),
      breed: a.breed.trim(),
      age: a.age,
      skills: a.skills.map((s) => s.trim()).filter(Boolean),
      preferredServiceTypeIds: preferred,
      now,
    });
    // The lock above makes a conflict here impossible; the unique index stays as the database's own guarantee.
    if (!created) throw new Error(`an open application for ${a.email} appeared under the lock`);
    await sendEmail(kernel, tx, {
      template: applicationReceived,
      to: created.email,
      data: { name: created.name, vacancy: vacancy.title, applicationId: created.id, setPasswordCode: account.setPasswordCode },
      dedupeKey: `application:${created.id}:received`,
    });
    for (const manager of await contactsWithRole(kernel, 'manager', tx)) {
      await sendEmail(kernel, tx, {
        template: applicationForManagers,
        to: manager.email,
        data: {
          name: manager.name,
          applicant: created.name,
          email: created.email,
          vacancy: vacancy.title,
          applicationId: created.id,
          skills: created.skills.join(', '),
        },
        dedupeKey: `application:${created.id}:new:${manager.id}`,
      });
    }
    const testIds = await vacancyTestIds(kernel.db, vacancy.id, tx);
    const after = testIds.length ? await assignTests(hiring, tx, created, testIds, 'system') : created;
    await recordApplicationEvent(hiring, tx, 'application.received', after);
    return { id: after.id, status: after.status, duplicate: false };
  });
  // Committed: this process now refuses the solution from memory (its own retry excepted).
  hiring.pow.markSpent(input.challengeDigest, input.retryKey);
  return receipt;
}
