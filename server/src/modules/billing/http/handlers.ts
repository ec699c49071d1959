import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import type { Billing } from '../application/context.ts';
import { topUp } from '../application/top-up.ts';
import { getBalance } from '../application/balance.ts';

export function billingHandlers(b: Billing): OperationHandlers {
  return {
    async getBalance(req, res) {
      res.json(await getBalance(b, req.principal!));
    },
    async createTopUp(req, res) {
      const body = req.body as { amount: string; paymentMethod: string };
      const created = await topUp(b, { client: req.principal!, amount: body.amount, paymentMethod: body.paymentMethod });
      res.status(201).json(created);
    },
  };
}
