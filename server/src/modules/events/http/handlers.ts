import { contractHandlers } from '../../../platform/http/contract.ts';
import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import type { Kernel } from '../../../platform/module.ts';
import { listEvents } from '../application/list-events.ts';

export function eventsHandlers(kernel: Kernel): OperationHandlers {
  return contractHandlers({
    async listEvents(req, res) {
      const { after, types, limit } = req.query;
      res.json(
        await listEvents(kernel, req.principal!, { after, types: types === undefined ? undefined : [types].flat(), limit: limit ?? 20 }),
      );
    },
  });
}
