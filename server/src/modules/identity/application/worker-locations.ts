import type { Kernel } from '../../../platform/module.ts';
import { homeBaseRows, nearestWorkerRows } from '../infra/users.repository.ts';

/**
 * Nearest-available matching's question to the worker pool: the active
 * workers with a home base, nearest to `point` first by great-circle
 * distance (computed and ordered by PostgreSQL on an index), except those
 * in `exclude`. Workers without a home base are not in the answer.
 */
export async function nearestWorkers(
  kernel: Pick<Kernel, 'db'>,
  point: { lat: number; lng: number },
  options: { exclude: readonly string[]; limit: number },
): Promise<{ workerId: string; distanceMeters: number }[]> {
  const rows = await nearestWorkerRows(kernel.db, point, options.exclude, options.limit);
  return rows.map((r) => ({ workerId: r.id, distanceMeters: Number(r.distance_m) }));
}

/** Where these workers are based (their home base, set through `PATCH /v1/me`), in degrees; a worker without one is absent. */
export async function homeBasesOf(
  kernel: Pick<Kernel, 'db'>,
  userIds: readonly string[],
): Promise<Map<string, { lat: number; lng: number }>> {
  if (userIds.length === 0) return new Map();
  const rows = await homeBaseRows(kernel.db, userIds);
  return new Map(rows.map((r) => [r.id, { lat: r.home_lat_e6 / 1e6, lng: r.home_lng_e6 / 1e6 }]));
}
