import type { Kernel } from '../../../platform/module.ts';
import type { PersonalDataContributor } from '../../../platform/privacy.ts';
import { sql, execute } from '../../../platform/database.ts';

/**
 * Applications and the worker profile are personal data: exported in full;
 * on erasure the name, email, breed and skills are replaced, while the
 * decision, the scores and the worker code stay (they are the platform's
 * record of who worked, as financial records do).
 */
export function hiringPersonalData(kernel: Pick<Kernel, 'db'>): PersonalDataContributor {
  return {
    section: 'hiring',
    async export(userId) {
      const [applications, workerProfile] = await Promise.all([
        sql(
          kernel.db,
          `SELECT a.id, a.vacancy_id AS "vacancyId", a.name, a.email, a.breed, a.age, a.skills, a.status,
                  a.decision_reason AS "decisionReason", a.created_at AS "createdAt",
                  coalesce((SELECT json_agg(json_build_object('testId', t.test_id, 'status', t.status, 'bestScore', t.best_score))
                            FROM test_assignments t WHERE t.application_id = a.id), '[]') AS tests
           FROM applications a WHERE a.applicant_id = $1 ORDER BY a.created_at`,
          [userId],
        ),
        sql(
          kernel.db,
          'SELECT worker_code AS "workerCode", name, breed, age, skills, hired_at AS "hiredAt" FROM worker_profiles WHERE user_id = $1',
          [userId],
        ),
      ]);
      return { applications, workerProfile: workerProfile[0] ?? null };
    },
    async erase(userId, { tx }) {
      await execute(
        kernel.db,
        `UPDATE applications SET name = '[erased]', email = 'erased-' || id || '@erased.invalid', breed = '[erased]', skills = '{}'
         WHERE applicant_id = $1`,
        [userId],
        tx,
      );
      await execute(
        kernel.db,
        "UPDATE worker_profiles SET name = '[erased]', breed = '[erased]', skills = '{}' WHERE user_id = $1",
        [userId],
        tx,
      );
    },
  };
}
