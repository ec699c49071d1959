import type { Kernel } from '../../../platform/module.ts';
import { findWorkerCodes, findWorkerProfile } from '../infra/hiring.repository.ts';

/** Read-only door for quality reviews: who the worker is (code, name, when hired), or null for a worker without a profile. */
export async function workerProfileForReview(kernel: Pick<Kernel, 'db'>, workerId: string) {
  const p = await findWorkerProfile(kernel.db, workerId);
  return p ? { id: p.user_id, workerCode: p.worker_code, name: p.name, hiredAt: new Date(p.hired_at).toISOString() } : null;
}

/** Worker codes of many users at once (the panel shows workers by code); users without a profile are left out. */
export async function workerCodesOf(kernel: Pick<Kernel, 'db'>, userIds: readonly string[]): Promise<Map<string, string>> {
  return userIds.length === 0 ? new Map() : findWorkerCodes(kernel.db, userIds);
}
