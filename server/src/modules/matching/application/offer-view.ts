import { findOrderSlot, orderHeadline } from '../../orders/index.ts';
import type { OfferRow } from '../infra/offers.repository.ts';
import { priceOf, type Matcher } from './matcher.ts';

const iso = (at: Date | string) => new Date(at).toISOString();

/**
 * An offer as the worker it was made to sees it (the contract's `Offer`):
 * its status and deadline, and what the order is — service, slot, address
 * and the price the pricing strategy fixes on accepting.
 */
export async function offerView(m: Matcher, row: OfferRow) {
  const [slot, headline] = await Promise.all([findOrderSlot(m.kernel, row.order_id), orderHeadline(m.kernel, row.order_id)]);
  if (!slot || !headline) throw new Error(`offer ${row.id}: order ${row.order_id} not found`);
  return {
    id: row.id,
    orderId: row.order_id,
    status: row.status,
    offeredAt: iso(row.offered_at),
    expiresAt: iso(row.expires_at),
    answeredAt: row.answered_at ? iso(row.answered_at) : null,
    order: {
      service: headline.service,
      serviceTypeId: slot.serviceTypeId,
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      address: slot.address,
    },
    price: priceOf(m, slot).toString(),
  };
}
