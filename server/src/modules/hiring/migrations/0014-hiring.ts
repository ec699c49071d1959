import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    CREATE TABLE hiring_tests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      -- [{ "text": …, "choices": [ … ], "correct": <index> }]; the answers never leave the server.
      questions jsonb NOT NULL CHECK (jsonb_typeof(questions) = 'array' AND jsonb_array_length(questions) > 0),
      pass_mark integer NOT NULL CHECK (pass_mark BETWEEN 1 AND 100),
      time_limit_minutes integer NOT NULL CHECK (time_limit_minutes BETWEEN 1 AND 600),
      max_attempts integer NOT NULL CHECK (max_attempts BETWEEN 1 AND 20),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE vacancies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '',
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    -- Tests attached to a vacancy in advance: assigned automatically on application.
    CREATE TABLE vacancy_tests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      vacancy_id uuid NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
      test_id uuid NOT NULL REFERENCES hiring_tests (id),
      UNIQUE (vacancy_id, test_id)
    );

    CREATE TABLE applications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      applicant_id uuid NOT NULL,
      vacancy_id uuid NOT NULL REFERENCES vacancies (id),
      name text NOT NULL,
      email text NOT NULL,
      breed text NOT NULL,
      age integer NOT NULL CHECK (age BETWEEN 0 AND 40),
      skills text[] NOT NULL,
      preferred_service_type_ids uuid[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'testing', 'hired', 'rejected')),
      decision_reason text,
      decided_at timestamptz,
      decided_by uuid,
      worker_id uuid,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK ((status = 'hired') = (worker_id IS NOT NULL))
    );
    -- One open application per email: a duplicate finds the first.
    CREATE UNIQUE INDEX applications_one_open_per_email ON applications (lower(email)) WHERE status IN ('received', 'testing');
    CREATE INDEX applications_queue ON applications (status, created_at);
    CREATE INDEX applications_applicant ON applications (applicant_id);

    CREATE TABLE test_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL REFERENCES applications (id),
      test_id uuid NOT NULL REFERENCES hiring_tests (id),
      assigned_at timestamptz NOT NULL,
      assigned_by uuid,
      status text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'passed', 'failed')),
      best_score integer CHECK (best_score BETWEEN 0 AND 100),
      UNIQUE (application_id, test_id)
    );

    CREATE TABLE test_attempts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      assignment_id uuid NOT NULL REFERENCES test_assignments (id),
      number integer NOT NULL CHECK (number >= 1),
      started_at timestamptz NOT NULL,
      deadline timestamptz NOT NULL,
      submitted_at timestamptz,
      answers jsonb,
      score integer CHECK (score BETWEEN 0 AND 100),
      passed boolean,
      UNIQUE (assignment_id, number),
      CHECK ((submitted_at IS NULL) = (score IS NULL))
    );

    CREATE TABLE worker_profiles (
      user_id uuid PRIMARY KEY,
      worker_code text NOT NULL UNIQUE,
      -- Null for workers who joined before hiring ran on the platform (the demo seed).
      application_id uuid UNIQUE REFERENCES applications (id),
      name text NOT NULL,
      breed text NOT NULL,
      age integer NOT NULL,
      skills text[] NOT NULL,
      preferred_service_type_ids uuid[] NOT NULL DEFAULT '{}',
      hired_at timestamptz NOT NULL
    );

    -- The last sequence number of worker codes issued per year.
    CREATE TABLE worker_code_sequences (
      year integer PRIMARY KEY,
      last integer NOT NULL
    );

    -- Proof-of-work solutions already used: a solved challenge buys one application.
    CREATE TABLE redeemed_challenges (
      digest text PRIMARY KEY,
      redeemed_at timestamptz NOT NULL
    );
  `);
}
