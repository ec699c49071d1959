import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import type { KitStatus } from '../domain/kit-lifecycle.ts';
import type { Supplies } from '../application/context.ts';
import { getKit, listKits } from '../application/kits.ts';
import { packKit } from '../application/pack-kit.ts';
import { markKitReady } from '../application/mark-kit-ready.ts';
import { retryCookieNow } from '../application/retry-cookie-now.ts';
import { receiveSupplierEvent, type SupplierEvent } from '../application/receive-supplier-event.ts';

export function suppliesHandlers(s: Supplies): OperationHandlers {
  return {
    async listKits(req, res) {
      const q = req.query as { status?: KitStatus; limit?: string | number; cursor?: string };
      res.json(await listKits(s, req.principal!, { status: q.status, limit: Number(q.limit ?? 20), cursor: q.cursor }));
    },
    async getKit(req, res) {
      res.json(await getKit(s, req.principal!, String(req.params.id)));
    },
    async packKit(req, res) {
      const body = (req.body ?? {}) as { items?: string[] };
      res.json(await packKit(s, { actor: req.principal!, kitId: String(req.params.id), items: body.items, requestId: req.requestId }));
    },
    async markKitReady(req, res) {
      res.json(await markKitReady(s, { actor: req.principal!, kitId: String(req.params.id), requestId: req.requestId }));
    },
    async retryKitCookie(req, res) {
      res.json(await retryCookieNow(s, { actor: req.principal!, kitId: String(req.params.id), requestId: req.requestId }));
    },
    async receiveSupplierEvent(req, res) {
      res.json(
        await receiveSupplierEvent(s, {
          rawBody: req.rawBody,
          signature: req.get('supplier-signature'),
          event: req.body as SupplierEvent,
        }),
      );
    },
  };
}
