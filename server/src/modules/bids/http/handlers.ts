import { contractHandlers } from '../../../platform/http/contract.ts';
import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import { placeBid } from '../application/place-bid.ts';
import { listBids } from '../application/list-bids.ts';
import { getSettlement } from '../application/get-settlement.ts';
import { markSharePaid } from '../application/mark-share-paid.ts';
import type { Bids } from '../application/context.ts';

export function bidsHandlers(bids: Bids): OperationHandlers {
  return contractHandlers({
    async placeBid(req, res) {
      const bid = await placeBid(bids, {
        actor: req.principal!,
        orderId: req.params.id,
        amount: req.body.amount,
        condition: req.body.condition,
        requestId: req.requestId,
      });
      res.status(201).json(bid);
    },
    async listBids(req, res) {
      res.json(await listBids(bids, { orderId: req.params.id, limit: req.query.limit ?? 20, cursor: req.query.cursor }));
    },
    async getSettlement(req, res) {
      res.json(await getSettlement(bids, req.params.id));
    },
    async markSettlementSharePaid(req, res) {
      res.json(await markSharePaid(bids, { actor: req.principal!, shareId: req.params.id, requestId: req.requestId }));
    },
  });
}
