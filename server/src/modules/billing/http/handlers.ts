import { contractHandlers } from '../../../platform/http/contract.ts';
import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import { receiveGoldenHatEvent, type Payouts } from '../application/payouts.ts';
import { topUp } from '../application/top-up.ts';
import { getBalance } from '../application/balance.ts';
import { getInvoice, listInvoices, upcomingInvoice } from '../application/invoices.ts';
import { getEarnings, grantReward, listStatements } from '../application/statements.ts';
import { getPayout, listPayouts } from '../application/payout-views.ts';

export function billingHandlers(b: Payouts): OperationHandlers {
  return contractHandlers({
    async getBalance(req, res) {
      res.json(await getBalance(b, req.principal!));
    },
    async getUpcomingInvoice(req, res) {
      res.json(await upcomingInvoice(b, req.principal!));
    },
    async listInvoices(req, res) {
      res.json(await listInvoices(b, req.principal!, { ...req.query, limit: req.query.limit ?? 20 }));
    },
    async getInvoice(req, res) {
      res.json(await getInvoice(b, req.principal!, req.params.id));
    },
    async listStatements(req, res) {
      res.json(await listStatements(b, req.principal!, { ...req.query, limit: req.query.limit ?? 20 }));
    },
    async listPayouts(req, res) {
      res.json(await listPayouts(b, req.principal!, { ...req.query, limit: req.query.limit ?? 20 }));
    },
    async getPayout(req, res) {
      res.json(await getPayout(b, req.principal!, req.params.id));
    },
    async getEarnings(req, res) {
      res.json(await getEarnings(b, req.principal!, req.query));
    },
    async createReward(req, res) {
      res.status(201).json(
        await grantReward(b, {
          actor: req.principal!,
          workerId: req.params.id,
          amount: req.body.amount,
          reason: req.body.reason,
          requestId: req.requestId,
        }),
      );
    },
    async receiveGoldenHatEvent(req, res) {
      res.json(await receiveGoldenHatEvent(b, { rawBody: req.rawBody, signature: req.get('golden-hat-signature'), event: req.body }));
    },
    async createTopUp(req, res) {
      const created = await topUp(b, { client: req.principal!, amount: req.body.amount, paymentMethod: req.body.paymentMethod });
      res.status(201).json(created);
    },
  });
}
