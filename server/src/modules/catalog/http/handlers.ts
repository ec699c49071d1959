import { contractHandlers } from '../../../platform/http/contract.ts';
import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import type { Kernel } from '../../../platform/module.ts';
import { createServiceType, listServiceTypes, updateServiceType } from '../application/service-types.ts';

export function catalogHandlers(kernel: Kernel): OperationHandlers {
  return contractHandlers({
    async listServiceTypes(req, res) {
      res.json(
        await listServiceTypes(kernel, {
          principal: req.principal,
          includeInactive: req.query.includeInactive === true,
          limit: req.query.limit ?? 20,
          cursor: req.query.cursor,
        }),
      );
    },
    async createServiceType(req, res) {
      const created = await createServiceType(kernel, { actor: req.principal!, values: req.body, requestId: req.requestId });
      res.status(201).location(`/v1/service-types/${created.id}`).json(created);
    },
    async updateServiceType(req, res) {
      res.json(await updateServiceType(kernel, { actor: req.principal!, id: req.params.id, changes: req.body, requestId: req.requestId }));
    },
  });
}
