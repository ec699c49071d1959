import type { Principal } from '../../../platform/http/auth.ts';
import { decodeCursor, page } from '../../../platform/pagination.ts';
import type { KitStatus } from '../domain/kit-lifecycle.ts';
import { kitActorsOf, toKitView, type KitView } from '../domain/kit-view.ts';
import { findKit, listKitRows } from '../infra/kits.repository.ts';
import { kitNotFound, toKitRecord, type Supplies } from './context.ts';

/** The assembly queue: kits by their order's start, soonest first (staff only, by the spec's x-roles). */
export async function listKits(
  supplies: Supplies,
  viewer: Principal,
  query: { status?: KitStatus; limit: number; cursor?: string },
): Promise<{ data: KitView[]; nextCursor: string | null }> {
  const rows = await listKitRows(supplies.kernel.db, { status: query.status, after: decodeCursor(query.cursor), limit: query.limit + 1 });
  const actors = kitActorsOf(viewer.roles);
  return page(
    rows.map((r) => toKitView(toKitRecord(r), actors)),
    query.limit,
    (k) => ({ at: k.orderStartsAt, id: k.id }),
  );
}

export async function getKit(supplies: Supplies, viewer: Principal, id: string): Promise<KitView> {
  const row = await findKit(supplies.kernel.db, id);
  if (!row) throw kitNotFound();
  return toKitView(toKitRecord(row), kitActorsOf(viewer.roles));
}
