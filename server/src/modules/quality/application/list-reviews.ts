import { decodeCursor, page } from '../../../platform/pagination.ts';
import type { ReviewReason, ReviewStatus } from '../domain/review-lifecycle.ts';
import { listReviewRows } from '../infra/reviews.repository.ts';
import type { Quality } from './context.ts';
import { formForResult, formVersion } from './review-forms.ts';
import { toReviewView } from './review-view.ts';

/** The queue (staff, by the contract's x-roles): open first, then oldest first; filterable by status and reason. */
export async function listReviews(
  quality: Quality,
  query: { status?: ReviewStatus; reason?: ReviewReason; limit: number; cursor?: string },
) {
  const rows = await listReviewRows(quality.kernel.db, { ...query, after: decodeCursor(query.cursor), limit: query.limit + 1 });
  const fallback = rows.some((r) => !r.form_id) ? await formForResult(quality, undefined) : undefined;
  const versions = new Map<string, Awaited<ReturnType<typeof formVersion>>>();
  const views = [];
  for (const r of rows) {
    let form = fallback;
    if (r.form_id && r.form_version) {
      const key = `${r.form_id}:${r.form_version}`;
      if (!versions.has(key)) versions.set(key, await formVersion(quality, r.form_id, r.form_version));
      form = versions.get(key);
    }
    views.push(toReviewView(r, form));
  }
  return page(views, query.limit, (v) => ({ at: v.createdAt, id: v.id, rank: v.status === 'open' ? 0 : 1 }));
}
