import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import type { Kernel } from '../../../platform/module.ts';
import { listEmails } from '../application/list-emails.ts';

export function emailHandlers(kernel: Kernel): OperationHandlers {
  return {
    async listEmails(req, res) {
      const q = req.query as { recipient?: string; status?: string; limit?: string | number; cursor?: string };
      res.json(await listEmails(kernel, { recipient: q.recipient, status: q.status, limit: Number(q.limit ?? 20), cursor: q.cursor }));
    },
  };
}
