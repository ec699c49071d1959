import { contractHandlers } from '../../../platform/http/contract.ts';
import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import type { Supplies } from '../application/context.ts';
import { getKit, listKits } from '../application/kits.ts';
import { packKit } from '../application/pack-kit.ts';
import { markKitReady } from '../application/mark-kit-ready.ts';
import { retryCookieNow } from '../application/retry-cookie-now.ts';
import { receiveSupplierEvent } from '../application/receive-supplier-event.ts';

export function suppliesHandlers(s: Supplies): OperationHandlers {
  return contractHandlers({
    async listKits(req, res) {
      res.json(await listKits(s, req.principal!, { ...req.query, limit: req.query.limit ?? 20 }));
    },
    async getKit(req, res) {
      res.json(await getKit(s, req.principal!, req.params.id));
    },
    async packKit(req, res) {
      res.json(await packKit(s, { actor: req.principal!, kitId: req.params.id, items: req.body?.items, requestId: req.requestId }));
    },
    async markKitReady(req, res) {
      res.json(await markKitReady(s, { actor: req.principal!, kitId: req.params.id, requestId: req.requestId }));
    },
    async retryKitCookie(req, res) {
      res.json(await retryCookieNow(s, { actor: req.principal!, kitId: req.params.id, requestId: req.requestId }));
    },
    async receiveSupplierEvent(req, res) {
      res.json(await receiveSupplierEvent(s, { rawBody: req.rawBody, signature: req.get('supplier-signature'), event: req.body }));
    },
  });
}
