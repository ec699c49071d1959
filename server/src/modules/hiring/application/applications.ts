import { isManager, type Principal } from '../../../platform/http/auth.ts';
import { sql, type Tx } from '../../../platform/database.ts';
import { decodeCursor, page } from '../../../platform/pagination.ts';
import type { ApplicationStatus } from '../domain/application-lifecycle.ts';
import { findApplication, listApplicationRows, type ApplicationRow } from '../infra/hiring.repository.ts';
import { applicationNotFound, assignmentViews, toApplicationView, type ApplicationView, type Hiring } from './context.ts';

async function workerCodes(hiring: Hiring, rows: ApplicationRow[], tx?: Tx): Promise<Map<string, string>> {
  const ids = rows.map((r) => r.worker_id).filter((id): id is string => Boolean(id));
  if (ids.length === 0) return new Map();
  const found = await sql<{ user_id: string; worker_code: string }>(
    hiring.kernel.db,
    'SELECT user_id, worker_code FROM worker_profiles WHERE user_id = ANY($1::uuid[])',
    [ids],
    tx,
  );
  return new Map(found.map((r) => [r.user_id, r.worker_code]));
}

export async function viewsOf(hiring: Hiring, rows: ApplicationRow[], tx?: Tx): Promise<ApplicationView[]> {
  const [tests, codes] = await Promise.all([
    assignmentViews(
      hiring.kernel,
      rows.map((r) => r.id),
      tx,
    ),
    workerCodes(hiring, rows, tx),
  ]);
  return rows.map((r) => toApplicationView(r, tests.get(r.id) ?? [], r.worker_id ? (codes.get(r.worker_id) ?? null) : null));
}

/** An applicant sees its own applications (404 for others'); managers and admins see all. */
export async function getApplication(hiring: Hiring, viewer: Principal, id: string): Promise<ApplicationView> {
  const row = await findApplication(hiring.kernel.db, id);
  if (!row || (!isManager(viewer) && row.applicant_id !== viewer.id)) throw applicationNotFound();
  return (await viewsOf(hiring, [row]))[0]!;
}

export async function listApplications(
  hiring: Hiring,
  viewer: Principal,
  query: { status?: ApplicationStatus; limit: number; cursor?: string },
): Promise<{ data: ApplicationView[]; nextCursor: string | null }> {
  const rows = await listApplicationRows(hiring.kernel.db, {
    applicantId: isManager(viewer) ? undefined : viewer.id,
    status: query.status,
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  return page(await viewsOf(hiring, rows), query.limit, (a) => ({ at: a.createdAt, id: a.id }));
}
