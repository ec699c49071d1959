import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { systemClock } from '../../../platform/clock.ts';
import { findKit, findKitBySupplierOrder, recordSupplierEvent } from '../infra/kits.repository.ts';
import { verifyWebhookSignature } from '../../../platform/http/webhook-signature.ts';
import type { Supplies } from './context.ts';
import { recordCookieDelivery } from './record-cookie-delivery.ts';

export interface SupplierEvent {
  id: string;
  type: string;
  createdAt?: string;
  data: { orderId?: string; reference?: string; deliveredAt?: string | null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The supplier's signed callback (`POST /v1/integrations/supplier/events`).
 * The signature is checked over the exact bytes received, against real time
 * (the supplier's clock is not our sandbox clock). Each event id is handled
 * once: a replay is acknowledged and changes nothing. Events we do not know
 * are acknowledged too, so the supplier does not retry them forever.
 */
export async function receiveSupplierEvent(
  supplies: Supplies,
  input: { rawBody: Buffer | undefined; signature: string | undefined; event: SupplierEvent },
): Promise<{ received: true; duplicate: boolean; handled: boolean }> {
  const { kernel } = supplies;
  const verdict = verifyWebhookSignature({
    header: input.signature,
    rawBody: input.rawBody,
    secret: kernel.secrets.supplierWebhookSecret,
    nowSeconds: Math.floor(systemClock.now().getTime() / 1000),
  });
  if (verdict !== 'ok') {
    kernel.logger.warn({ verdict, eventId: input.event.id }, 'supplier callback refused: bad signature');
    throw new AppError(
      'SUPPLIES.BAD_SIGNATURE',
      `The Supplier-Signature header is ${verdict}: this callback was not signed by the supplier.`,
    );
  }
  const { event } = input;
  return transaction(kernel.db, async (tx) => {
    const fresh = await recordSupplierEvent(kernel.db, tx, { id: event.id, type: event.type, payload: event, now: kernel.clock.now() });
    if (!fresh) return { received: true, duplicate: true, handled: false } as const;
    if (event.type !== 'cookie.delivered') return { received: true, duplicate: false, handled: false } as const;
    // Our reference (the kit id) first: the callback may beat our record of the supplier's order id.
    const kit =
      (event.data.reference && UUID.test(event.data.reference) ? await findKit(kernel.db, event.data.reference, tx, true) : undefined) ??
      (event.data.orderId ? await findKitBySupplierOrder(kernel.db, event.data.orderId, tx) : undefined);
    if (!kit) {
      kernel.logger.warn({ eventId: event.id, data: event.data }, 'supplier callback for an unknown cookie');
      return { received: true, duplicate: false, handled: false } as const;
    }
    const supplierOrderId = typeof event.data.orderId === 'string' ? event.data.orderId : undefined;
    const handled = await recordCookieDelivery(supplies, tx, kit.id, event.data.deliveredAt ?? null, supplierOrderId);
    return { received: true, duplicate: false, handled } as const;
  });
}
