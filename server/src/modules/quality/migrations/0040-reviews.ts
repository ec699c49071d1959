import type { MigrationContext } from '../../../platform/migrations.ts';

export async function up({ sql }: MigrationContext): Promise<void> {
  await sql(`
    -- A review form managers define (SPEC §10). Its fields live in versions: an edit is a new version,
    -- so a review keeps the exact questions it was answered against.
    CREATE TABLE review_forms (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      current_version integer NOT NULL CHECK (current_version >= 1),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE review_form_versions (
      form_id uuid NOT NULL REFERENCES review_forms (id),
      version integer NOT NULL CHECK (version >= 1),
      name text NOT NULL CHECK (length(name) > 0),
      fields jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'array'),
      created_by uuid,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (form_id, version)
    );

    CREATE TABLE reviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      order_id uuid NOT NULL,
      reason text NOT NULL CHECK (reason IN ('failed', 'cancelled', 'rejected', 'sampled', 'manual')),
      status text NOT NULL CHECK (status IN ('open', 'done')),
      -- The form version the result was recorded against (set with the result).
      form_id uuid,
      form_version integer,
      answers jsonb,
      verdict text CHECK (verdict IN ('confirmed', 'overturned')),
      client_feedback text,
      reviewer_id uuid,
      opened_by uuid,
      fine_reversed boolean NOT NULL DEFAULT false,
      refunded_cents bigint CHECK (refunded_cents > 0),
      created_at timestamptz NOT NULL,
      completed_at timestamptz,
      FOREIGN KEY (form_id, form_version) REFERENCES review_form_versions (form_id, version),
      -- A done review has its result, an open one none.
      CHECK ((status = 'done') = (verdict IS NOT NULL AND completed_at IS NOT NULL AND answers IS NOT NULL AND form_id IS NOT NULL))
    );
    -- An order enters the queue once per automatic reason (a repeated event opens nothing) …
    CREATE UNIQUE INDEX reviews_one_per_reason ON reviews (order_id, reason) WHERE reason <> 'manual';
    -- … and a manager keeps at most one manual review of it open.
    CREATE UNIQUE INDEX reviews_one_open_manual ON reviews (order_id) WHERE reason = 'manual' AND status = 'open';
    -- The queue: open first, oldest first.
    CREATE INDEX reviews_queue ON reviews (status, created_at, id);

    -- The panel's queue: each review with the form it was (or would now be) filled in with, and one sort key
    -- (AdminJS sorts by a single column) putting open reviews first, then the oldest first.
    CREATE VIEW review_queue AS
    SELECT r.id, r.order_id, r.reason, r.status, r.verdict, r.client_feedback, r.reviewer_id, r.opened_by, r.fine_reversed,
           r.refunded_cents, r.answers, r.form_version, r.created_at, r.completed_at,
           coalesce(r.form_id, d.form_id) AS form_id,
           coalesce(v.name, d.name) AS form_name,
           coalesce(v.fields, d.fields) AS form_fields,
           (CASE WHEN r.status = 'open' THEN '0' ELSE '1' END) || to_char(r.created_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS') || r.id::text
             AS queue_position
    FROM reviews r
    LEFT JOIN review_form_versions v ON v.form_id = r.form_id AND v.version = r.form_version
    LEFT JOIN LATERAL (
      SELECT dv.form_id, dv.name, dv.fields FROM review_forms f JOIN review_form_versions dv ON dv.form_id = f.id AND dv.version = f.current_version
      ORDER BY f.created_at, f.id LIMIT 1
    ) d ON r.form_id IS NULL;

    -- The panel's form designer: each form at its current version.
    CREATE VIEW review_forms_current AS
    SELECT f.id, v.name, f.current_version AS version, v.fields, f.created_at, f.updated_at
    FROM review_forms f JOIN review_form_versions v ON v.form_id = f.id AND v.version = f.current_version;

    -- Each completed order is drawn once for sampling, however often its event is delivered.
    CREATE TABLE review_sampling_draws (
      order_id uuid PRIMARY KEY,
      sampled boolean NOT NULL,
      drawn_at timestamptz NOT NULL
    );
  `);
}
