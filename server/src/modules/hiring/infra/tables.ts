import { col, defineTable } from '../../../platform/table.ts';
import type { ApplicationStatus } from '../domain/application-lifecycle.ts';
import type { Question } from '../domain/tests.ts';

/** Hiring's tables as the code sees them (history: migrations/); columns in the order the panel shows them. */

/** A hiring test; its questions' right answers never leave the server. */
export const hiringTestsTable = defineTable('hiring_tests', {
  id: col.uuid({ primaryKey: true }),
  title: col.text(),
  questions: col.jsonb<Question[]>(),
  pass_mark: col.integer(),
  time_limit_minutes: col.integer(),
  max_attempts: col.integer(),
  created_at: col.timestamptz(),
  updated_at: col.timestamptz(),
});

export const vacanciesTable = defineTable('vacancies', {
  id: col.uuid({ primaryKey: true }),
  title: col.text(),
  description: col.text(),
  active: col.boolean(),
  created_at: col.timestamptz(),
  updated_at: col.timestamptz(),
});

/** Tests attached to a vacancy in advance: assigned automatically on application. */
export const vacancyTestsTable = defineTable('vacancy_tests', {
  id: col.uuid({ primaryKey: true }),
  vacancy_id: col.uuid(),
  test_id: col.uuid(),
});

export const applicationsTable = defineTable('applications', {
  id: col.uuid({ primaryKey: true }),
  applicant_id: col.uuid(),
  vacancy_id: col.uuid(),
  name: col.text(),
  email: col.text(),
  breed: col.text(),
  age: col.integer(),
  skills: col.textArray(),
  preferred_service_type_ids: col.uuidArray(),
  status: col.text<ApplicationStatus>(),
  decision_reason: col.text.nullable(),
  decided_at: col.timestamptz.nullable(),
  decided_by: col.uuid.nullable(),
  worker_id: col.uuid.nullable(),
  created_at: col.timestamptz(),
  updated_at: col.timestamptz(),
});

export const testAssignmentsTable = defineTable('test_assignments', {
  id: col.uuid({ primaryKey: true }),
  application_id: col.uuid(),
  test_id: col.uuid(),
  status: col.text<'assigned' | 'passed' | 'failed'>(),
  best_score: col.integer.nullable(),
  assigned_at: col.timestamptz(),
  assigned_by: col.uuid.nullable(),
});

export const testAttemptsTable = defineTable('test_attempts', {
  id: col.uuid({ primaryKey: true }),
  assignment_id: col.uuid(),
  number: col.integer(),
  started_at: col.timestamptz(),
  deadline: col.timestamptz(),
  submitted_at: col.timestamptz.nullable(),
  answers: col.jsonb.nullable<number[]>(),
  score: col.integer.nullable(),
  passed: col.boolean.nullable(),
});

export const workerProfilesTable = defineTable('worker_profiles', {
  user_id: col.uuid({ primaryKey: true }),
  worker_code: col.text(),
  name: col.text(),
  breed: col.text(),
  age: col.integer(),
  skills: col.textArray(),
  /** Null for workers who joined before hiring ran on the platform (the demo seed). */
  application_id: col.uuid.nullable(),
  preferred_service_type_ids: col.uuidArray(),
  hired_at: col.timestamptz(),
});

/** The last sequence number of worker codes issued per year. */
export const workerCodeSequencesTable = defineTable('worker_code_sequences', {
  year: col.integer({ primaryKey: true }),
  last: col.integer(),
});

/** Proof-of-work solutions already used: a solved challenge buys one application. */
export const redeemedChallengesTable = defineTable('redeemed_challenges', {
  digest: col.text({ primaryKey: true }),
  redeemed_at: col.timestamptz(),
});

export const HIRING_TABLES = [
  hiringTestsTable,
  vacanciesTable,
  vacancyTestsTable,
  applicationsTable,
  testAssignmentsTable,
  testAttemptsTable,
  workerProfilesTable,
  workerCodeSequencesTable,
  redeemedChallengesTable,
];
