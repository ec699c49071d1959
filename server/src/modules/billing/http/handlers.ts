import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import type { Billing } from '../application/context.ts';
import { topUp } from '../application/top-up.ts';
import { getBalance } from '../application/balance.ts';
import { getInvoice, listInvoices, upcomingInvoice } from '../application/invoices.ts';

export function billingHandlers(b: Billing): OperationHandlers {
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
    async createTopUp(req, res) {
      const body = req.body as { amount: string; paymentMethod: string };
      const created = await topUp(b, { client: req.principal!, amount: body.amount, paymentMethod: body.paymentMethod });
      res.status(201).json(created);
    },
  };
}
