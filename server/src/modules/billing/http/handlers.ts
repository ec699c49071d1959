import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import { receiveGoldenHatEvent, type GoldenHatEvent, type Payouts } from '../application/payouts.ts';
import { topUp } from '../application/top-up.ts';
import { getBalance } from '../application/balance.ts';
import { getInvoice, listInvoices, upcomingInvoice } from '../application/invoices.ts';
import { getEarnings, grantReward, listStatements } from '../application/statements.ts';

export function billingHandlers(b: Payouts): OperationHandlers {
  return {
    async getBalance(req, res) {
      res.json(await getBalance(b, req.principal!));
    },
    async getUpcomingInvoice(req, res) {
      res.json(await upcomingInvoice(b, req.principal!));
    },
    async listInvoices(req, res) {
      const q = req.query as { limit?: string; cursor?: string; clientId?: string };
      res.json(await listInvoices(b, req.principal!, { limit: Number(q.limit ?? 20), cursor: q.cursor, clientId: q.clientId }));
    },
    async getInvoice(req, res) {
      res.json(await getInvoice(b, req.principal!, String(req.params.id)));
    },
    async listStatements(req, res) {
      const q = req.query as { limit?: string; cursor?: string; workerId?: string };
      res.json(await listStatements(b, req.principal!, { limit: Number(q.limit ?? 20), cursor: q.cursor, workerId: q.workerId }));
    },
    async getEarnings(req, res) {
      const q = req.query as { from?: string; to?: string; workerId?: string };
      res.json(await getEarnings(b, req.principal!, q));
    },
    async createReward(req, res) {
      const body = req.body as { amount: string; reason: string };
      res.status(201).json(
        await grantReward(b, {
          actor: req.principal!,
          workerId: String(req.params.id),
          amount: body.amount,
          reason: body.reason,
          requestId: req.requestId,
        }),
      );
    },
    async receiveGoldenHatEvent(req, res) {
      res.json(
        await receiveGoldenHatEvent(b, {
          rawBody: req.rawBody,
          signature: req.get('golden-hat-signature'),
          event: req.body as GoldenHatEvent,
        }),
      );
    },
    async createTopUp(req, res) {
      const body = req.body as { amount: string; paymentMethod: string };
      const created = await topUp(b, { client: req.principal!, amount: body.amount, paymentMethod: body.paymentMethod });
      res.status(201).json(created);
    },
  };
}
