import { contractHandlers } from '../../../platform/http/contract.ts';
import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import type { Kernel } from '../../../platform/module.ts';
import { listEmails } from '../application/list-emails.ts';

export function emailHandlers(kernel: Kernel): OperationHandlers {
  return contractHandlers({
    async listEmails(req, res) {
      res.json(await listEmails(kernel, { ...req.query, limit: req.query.limit ?? 20 }));
    },
  });
}
