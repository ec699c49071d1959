import { sql, type Database } from '../../../platform/database.ts';

/**
 * The job runs failed in the 24 hours before `now`, by each run's platform
 * time (`as_of`), so the sandbox clock moves it too: the one count of the
 * dashboard's figure and of the platform health (`started_at` is the
 * database's wall clock, which the sandbox clock does not move).
 */
export async function failedJobRuns(db: Database, now: Date): Promise<{ count: number; jobs: string[] }> {
  const [row] = await sql<{ n: number; jobs: string[] | null }>(
    db,
    `SELECT count(*)::int AS n, array_agg(DISTINCT job) AS jobs FROM job_runs
     WHERE outcome = 'failed' AND as_of >= $1::timestamptz - interval '24 hours'`,
    [now],
  );
  return { count: row?.n ?? 0, jobs: row?.jobs ?? [] };
}
