import { contractHandlers } from '../../../platform/http/contract.ts';
import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import type { Matcher } from '../application/matcher.ts';
import { listOffers } from '../application/list-offers.ts';
import { acceptOffer } from '../application/accept-offer.ts';
import { declineOffer } from '../application/decline-offer.ts';

export function matchingHandlers(m: Matcher): OperationHandlers {
  return contractHandlers({
    async listOffers(req, res) {
      res.json(
        await listOffers(m, { actor: req.principal!, status: req.query.status, limit: req.query.limit ?? 20, cursor: req.query.cursor }),
      );
    },
    async acceptOffer(req, res) {
      res.json(await acceptOffer(m, { actor: req.principal!, offerId: req.params.id }));
    },
    async declineOffer(req, res) {
      res.json(await declineOffer(m, { actor: req.principal!, offerId: req.params.id }));
    },
  });
}
