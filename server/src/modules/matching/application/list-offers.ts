import type { Principal } from '../../../platform/http/auth.ts';
import { decodeCursor, page } from '../../../platform/pagination.ts';
import type { OfferStatus } from '../domain/offers.ts';
import { offerRowsOfWorker } from '../infra/offers.repository.ts';
import type { Matcher } from './matcher.ts';
import { offerView } from './offer-view.ts';

/** The calling worker's offers, newest first, optionally of one status (only ever its own: the query is by its id). */
export async function listOffers(m: Matcher, input: { actor: Principal; status?: OfferStatus; limit: number; cursor?: string }) {
  const after = decodeCursor(input.cursor);
  const rows = await offerRowsOfWorker(m.kernel.db, { workerId: input.actor.id, status: input.status, after, limit: input.limit + 1 });
  // One after another: a page is at most 101 offers, each a few small reads, and the pool stays free for others.
  const views = [];
  for (const row of rows) views.push(await offerView(m, row));
  return page(views, input.limit, (offer) => ({ at: offer.offeredAt, id: offer.id }));
}
