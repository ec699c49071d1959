import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';
import type { RowOf } from '../../../platform/table.ts';
import type { ApplicationStatus } from '../domain/application-lifecycle.ts';
import type { Question } from '../domain/tests.ts';
import {
  applicationsTable,
  hiringTestsTable,
  testAssignmentsTable,
  testAttemptsTable,
  vacanciesTable,
  vacancyTestsTable,
  workerProfilesTable,
} from './tables.ts';

export type TestRow = RowOf<typeof hiringTestsTable>;
export type VacancyRow = RowOf<typeof vacanciesTable>;
export type ApplicationRow = RowOf<typeof applicationsTable>;
export type AssignmentRow = RowOf<typeof testAssignmentsTable>;
export type AttemptRow = RowOf<typeof testAttemptsTable>;
export type WorkerProfileRow = RowOf<typeof workerProfilesTable>;

export const findTest = async (db: Database, id: string, tx?: Tx, forUpdate = false) =>
  (await sql<TestRow>(db, `SELECT ${hiringTestsTable.list} FROM hiring_tests WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id], tx))[0];

export async function insertTest(
  db: Database,
  tx: Tx | undefined,
  t: { title: string; questions: Question[]; passMark: number; timeLimitMinutes: number; maxAttempts: number; now: Date },
): Promise<TestRow> {
  const { rows } = await execute<TestRow>(
    db,
    `INSERT INTO hiring_tests (title, questions, pass_mark, time_limit_minutes, max_attempts, created_at, updated_at)
     VALUES ($1, $2::jsonb, $3, $4, $5, $6, $6) RETURNING ${hiringTestsTable.list}`,
    [t.title.trim(), JSON.stringify(t.questions), t.passMark, t.timeLimitMinutes, t.maxAttempts, t.now],
    tx,
  );
  return rows[0]!;
}

export async function updateTest(
  db: Database,
  tx: Tx | undefined,
  id: string,
  t: { title: string; questions: Question[]; passMark: number; timeLimitMinutes: number; maxAttempts: number; now: Date },
): Promise<TestRow | undefined> {
  const { rows } = await execute<TestRow>(
    db,
    `UPDATE hiring_tests SET title = $2, questions = $3::jsonb, pass_mark = $4, time_limit_minutes = $5, max_attempts = $6, updated_at = $7
     WHERE id = $1 RETURNING ${hiringTestsTable.list}`,
    [id, t.title.trim(), JSON.stringify(t.questions), t.passMark, t.timeLimitMinutes, t.maxAttempts, t.now],
    tx,
  );
  return rows[0];
}

/**
 * `lock` takes the row for a change that keeps its key (NO KEY UPDATE), so
 * an application being filed for the vacancy meanwhile (whose foreign key
 * only shares the key) is not held up.
 */
export const findVacancy = async (db: Database, id: string, tx?: Tx, lock = false) =>
  (await sql<VacancyRow>(db, `SELECT ${vacanciesTable.list} FROM vacancies WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`, [id], tx))[0];

export async function insertVacancy(
  db: Database,
  tx: Tx,
  v: { title: string; description: string; active: boolean; now: Date },
): Promise<VacancyRow> {
  const { rows } = await execute<VacancyRow>(
    db,
    `INSERT INTO vacancies (title, description, active, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING ${vacanciesTable.list}`,
    [v.title, v.description, v.active, v.now],
    tx,
  );
  return rows[0]!;
}

export async function updateVacancy(
  db: Database,
  tx: Tx,
  id: string,
  v: { title: string; description: string; active: boolean; now: Date },
): Promise<VacancyRow> {
  const { rows } = await execute<VacancyRow>(
    db,
    `UPDATE vacancies SET title = $2, description = $3, active = $4, updated_at = $5 WHERE id = $1 RETURNING ${vacanciesTable.list}`,
    [id, v.title, v.description, v.active, v.now],
    tx,
  );
  return rows[0]!;
}

export type VacancyTestRow = RowOf<typeof vacancyTestsTable>;

/** Attaches a test once: undefined when it was already attached to this vacancy (the unique key decides, also under a race). */
export async function insertVacancyTest(db: Database, tx: Tx, vacancyId: string, testId: string): Promise<VacancyTestRow | undefined> {
  const { rows } = await execute<VacancyTestRow>(
    db,
    `INSERT INTO vacancy_tests (vacancy_id, test_id) VALUES ($1, $2) ON CONFLICT (vacancy_id, test_id) DO NOTHING RETURNING ${vacancyTestsTable.list}`,
    [vacancyId, testId],
    tx,
  );
  return rows[0];
}

/** Detaches a test: undefined when it was not attached. */
export async function deleteVacancyTest(db: Database, tx: Tx, vacancyId: string, testId: string): Promise<VacancyTestRow | undefined> {
  const { rows } = await execute<VacancyTestRow>(
    db,
    `DELETE FROM vacancy_tests WHERE vacancy_id = $1 AND test_id = $2 RETURNING ${vacancyTestsTable.list}`,
    [vacancyId, testId],
    tx,
  );
  return rows[0];
}

export const listActiveVacancies = (db: Database) =>
  sql<VacancyRow & { test_count: string }>(
    db,
    `SELECT ${vacanciesTable.listAs('v')}, (SELECT count(*) FROM vacancy_tests vt WHERE vt.vacancy_id = v.id) AS test_count
     FROM vacancies v WHERE v.active ORDER BY v.created_at, v.id`,
  );

export const vacancyTestIds = async (db: Database, vacancyId: string, tx?: Tx) =>
  (await sql<{ test_id: string }>(db, 'SELECT test_id FROM vacancy_tests WHERE vacancy_id = $1 ORDER BY id', [vacancyId], tx)).map(
    (r) => r.test_id,
  );

export const findApplication = async (db: Database, id: string, tx?: Tx, lock = false) =>
  (
    await sql<ApplicationRow>(db, `SELECT ${applicationsTable.list} FROM applications WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id], tx)
  )[0];

export const findOpenApplicationByEmail = async (db: Database, email: string, tx?: Tx) =>
  (
    await sql<ApplicationRow>(
      db,
      `SELECT ${applicationsTable.list} FROM applications WHERE lower(email) = lower($1) AND status IN ('received', 'testing')`,
      [email],
      tx,
    )
  )[0];

/** Inserts an application; undefined when the email already has an open one (the unique index decides, also under a race). */
export async function insertApplication(
  db: Database,
  tx: Tx,
  a: {
    applicantId: string;
    vacancyId: string;
    name: string;
    email: string;
    breed: string;
    age: number;
    skills: string[];
    preferredServiceTypeIds: string[];
    now: Date;
  },
): Promise<ApplicationRow | undefined> {
  const { rows } = await execute<ApplicationRow>(
    db,
    `INSERT INTO applications (applicant_id, vacancy_id, name, email, breed, age, skills, preferred_service_type_ids, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::uuid[], $9, $9)
     ON CONFLICT ((lower(email))) WHERE status IN ('received', 'testing') DO NOTHING RETURNING ${applicationsTable.list}`,
    [a.applicantId, a.vacancyId, a.name, a.email, a.breed, a.age, a.skills, a.preferredServiceTypeIds, a.now],
    tx,
  );
  return rows[0];
}

export async function updateApplication(
  db: Database,
  tx: Tx,
  id: string,
  changes: Partial<Pick<ApplicationRow, 'status' | 'decision_reason' | 'decided_at' | 'decided_by' | 'worker_id'>>,
  now: Date,
): Promise<ApplicationRow> {
  const entries = Object.entries(changes);
  const sets = entries.map(([column], i) => `${column} = $${i + 2}`);
  const { rows } = await execute<ApplicationRow>(
    db,
    `UPDATE applications SET ${[...sets, `updated_at = $${entries.length + 2}`].join(', ')} WHERE id = $1 RETURNING ${applicationsTable.list}`,
    [id, ...entries.map(([, v]) => v), now],
    tx,
  );
  return rows[0]!;
}

export async function listApplicationRows(
  db: Database,
  q: { applicantId?: string; status?: ApplicationStatus; after?: { at: string; id: string }; limit: number },
): Promise<ApplicationRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.applicantId) where.push(`applicant_id = $${params.push(q.applicantId)}`);
  if (q.status) where.push(`status = $${params.push(q.status)}`);
  if (q.after) where.push(`(created_at, id) > ($${params.push(q.after.at)}::timestamptz, $${params.push(q.after.id)}::uuid)`);
  return sql<ApplicationRow>(
    db,
    `SELECT ${applicationsTable.list} FROM applications ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id LIMIT $${params.push(q.limit)}`,
    params,
  );
}

/** Assigns a test once: undefined when it was already assigned to this application. */
export async function insertAssignment(
  db: Database,
  tx: Tx,
  a: { applicationId: string; testId: string; assignedBy: string | null; now: Date },
): Promise<AssignmentRow | undefined> {
  const { rows } = await execute<AssignmentRow>(
    db,
    `INSERT INTO test_assignments (application_id, test_id, assigned_at, assigned_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (application_id, test_id) DO NOTHING RETURNING ${testAssignmentsTable.list}`,
    [a.applicationId, a.testId, a.now, a.assignedBy],
    tx,
  );
  return rows[0];
}

export const assignmentsOf = (db: Database, applicationIds: string[], tx?: Tx) =>
  sql<AssignmentRow & { title: string; pass_mark: number; time_limit_minutes: number; max_attempts: number; attempts_used: string }>(
    db,
    `SELECT ${testAssignmentsTable.listAs('a')}, t.title, t.pass_mark, t.time_limit_minutes, t.max_attempts,
            (SELECT count(*) FROM test_attempts x WHERE x.assignment_id = a.id) AS attempts_used
     FROM test_assignments a JOIN hiring_tests t ON t.id = a.test_id
     WHERE a.application_id = ANY($1::uuid[]) ORDER BY a.assigned_at, a.id`,
    [applicationIds],
    tx,
  );

export const findAssignment = async (db: Database, id: string, tx?: Tx, lock = false) =>
  (
    await sql<AssignmentRow>(
      db,
      `SELECT ${testAssignmentsTable.list} FROM test_assignments WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
      tx,
    )
  )[0];

export async function updateAssignment(db: Database, tx: Tx, id: string, changes: { status: AssignmentRow['status']; best_score: number }) {
  await execute(db, 'UPDATE test_assignments SET status = $2, best_score = $3 WHERE id = $1', [id, changes.status, changes.best_score], tx);
}

export const attemptsOf = (db: Database, assignmentId: string, tx?: Tx) =>
  sql<AttemptRow>(db, `SELECT ${testAttemptsTable.list} FROM test_attempts WHERE assignment_id = $1 ORDER BY number`, [assignmentId], tx);

export async function insertAttempt(
  db: Database,
  tx: Tx,
  a: { assignmentId: string; number: number; startedAt: Date; deadline: Date },
): Promise<AttemptRow> {
  const { rows } = await execute<AttemptRow>(
    db,
    `INSERT INTO test_attempts (assignment_id, number, started_at, deadline) VALUES ($1, $2, $3, $4) RETURNING ${testAttemptsTable.list}`,
    [a.assignmentId, a.number, a.startedAt, a.deadline],
    tx,
  );
  return rows[0]!;
}

export async function recordAnswers(
  db: Database,
  tx: Tx,
  id: string,
  r: { answers: number[]; score: number; passed: boolean; now: Date },
): Promise<AttemptRow> {
  const { rows } = await execute<AttemptRow>(
    db,
    `UPDATE test_attempts SET answers = $2::jsonb, score = $3, passed = $4, submitted_at = $5 WHERE id = $1 RETURNING ${testAttemptsTable.list}`,
    [id, JSON.stringify(r.answers), r.score, r.passed, r.now],
    tx,
  );
  return rows[0]!;
}

/** The next worker-code sequence number for a year (a row lock serialises concurrent hires). */
/**
 * One demo seed at a time: several processes starting on a fresh database each seed, and the seed checks what
 * exists before inserting (a second vacancy, or a duplicate worker profile failing that process's start).
 */
export const lockDemoSeed = (db: Database, tx: Tx) => execute(db, 'SELECT pg_advisory_xact_lock(4242140)', [], tx);

export async function nextWorkerSequence(db: Database, tx: Tx, year: number): Promise<number> {
  const { rows } = await execute<{ last: number }>(
    db,
    `INSERT INTO worker_code_sequences (year, last) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last = worker_code_sequences.last + 1 RETURNING last`,
    [year],
    tx,
  );
  return rows[0]!.last;
}

export async function insertWorkerProfile(
  db: Database,
  tx: Tx,
  p: Omit<WorkerProfileRow, 'hired_at'> & { hired_at: Date },
): Promise<WorkerProfileRow> {
  const { rows } = await execute<WorkerProfileRow>(
    db,
    `INSERT INTO worker_profiles (user_id, worker_code, application_id, name, breed, age, skills, preferred_service_type_ids, hired_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::uuid[], $9) RETURNING ${workerProfilesTable.list}`,
    [p.user_id, p.worker_code, p.application_id, p.name, p.breed, p.age, p.skills, p.preferred_service_type_ids, p.hired_at],
    tx,
  );
  return rows[0]!;
}

export const findWorkerProfile = async (db: Database, userId: string) =>
  (await sql<WorkerProfileRow>(db, `SELECT ${workerProfilesTable.list} FROM worker_profiles WHERE user_id = $1`, [userId]))[0];

/** Workers' codes by user id, one query for all (a page's names); ids without a profile are left out. */
export const findWorkerCodes = (db: Database, userIds: readonly string[]) =>
  userIds.length === 0
    ? Promise.resolve([])
    : sql<{ user_id: string; worker_code: string }>(
        db,
        'SELECT user_id, worker_code FROM worker_profiles WHERE user_id = ANY($1::uuid[])',
        [userIds],
      );

export const listWorkerProfiles = (db: Database, q: { after?: { at: string; id: string }; limit: number }) =>
  sql<WorkerProfileRow>(
    db,
    `SELECT ${workerProfilesTable.list} FROM worker_profiles ${q.after ? 'WHERE (hired_at, user_id) > ($2::timestamptz, $3::uuid)' : ''} ORDER BY hired_at, user_id LIMIT $1`,
    q.after ? [q.limit, q.after.at, q.after.id] : [q.limit],
  );

/** Records a used proof-of-work solution; false when it was used before. */
export async function redeemChallenge(db: Database, tx: Tx, digest: string, now: Date): Promise<boolean> {
  const { rows } = await execute(
    db,
    'INSERT INTO redeemed_challenges (digest, redeemed_at) VALUES ($1, $2) ON CONFLICT (digest) DO NOTHING RETURNING digest',
    [digest, now],
    tx,
  );
  return rows.length === 1;
}

export async function purgeRedeemedChallenges(db: Database, before: Date): Promise<number> {
  const { count } = await execute(db, 'DELETE FROM redeemed_challenges WHERE redeemed_at < $1', [before]);
  return count;
}
