import { isStaff, type Principal } from '../../../platform/http/auth.ts';
import { AppError } from '../../../platform/errors.ts';
import { decodeCursor, page } from '../../../platform/pagination.ts';
import { findWorkerProfile, listWorkerProfiles, type WorkerProfileRow } from '../infra/hiring.repository.ts';
import type { Hiring } from './context.ts';

const toWorkerView = (p: WorkerProfileRow) => ({
  id: p.user_id,
  workerCode: p.worker_code,
  name: p.name,
  breed: p.breed,
  age: p.age,
  skills: p.skills,
  preferredServiceTypeIds: p.preferred_service_type_ids,
  applicationId: p.application_id,
  hiredAt: new Date(p.hired_at).toISOString(),
});

export type WorkerView = ReturnType<typeof toWorkerView>;

/** The worker pool (staff). */
export async function listWorkers(hiring: Hiring, query: { limit: number; cursor?: string }) {
  const rows = await listWorkerProfiles(hiring.kernel.db, { after: decodeCursor(query.cursor), limit: query.limit + 1 });
  return page(rows.map(toWorkerView), query.limit, (w) => ({ at: w.hiredAt, id: w.id }));
}

/** One worker: staff, or the worker itself (404 for anyone else). */
export async function getWorker(hiring: Hiring, viewer: Principal, id: string): Promise<WorkerView> {
  const profile = await findWorkerProfile(hiring.kernel.db, id);
  if (!profile || (!isStaff(viewer) && viewer.id !== id)) throw new AppError('NOT_FOUND', 'No such worker.');
  return toWorkerView(profile);
}
