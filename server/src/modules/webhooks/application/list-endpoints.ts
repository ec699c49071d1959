import { decodeCursor, page } from '../../../platform/pagination.ts';
import { listEndpoints as listRows } from '../infra/webhooks.repository.ts';
import { endpointView, type Webhooks } from './context.ts';

/** Every endpoint of the platform, newest first; never a secret. */
export async function listEndpoints(webhooks: Webhooks, input: { limit: number; cursor?: string }) {
  const after = decodeCursor(input.cursor);
  const rows = await listRows(webhooks.kernel.db, { limit: input.limit, after });
  const { data, nextCursor } = page(rows, input.limit, (r) => ({ at: r.created_at.toISOString(), id: r.id }));
  return { data: data.map(endpointView), nextCursor };
}
