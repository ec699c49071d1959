import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import type { Kernel } from '../../../platform/module.ts';
import { createServiceType, listServiceTypes, updateServiceType, type ServiceTypeInput } from '../application/service-types.ts';

export function catalogHandlers(kernel: Kernel): OperationHandlers {
  return {
    async listServiceTypes(req, res) {
      const q = req.query as { includeInactive?: boolean | string; limit?: number | string; cursor?: string };
      res.json(
        await listServiceTypes(kernel, {
          principal: req.principal,
          includeInactive: q.includeInactive === true || q.includeInactive === 'true',
          limit: Number(q.limit ?? 20),
          cursor: q.cursor,
        }),
      );
    },
    async createServiceType(req, res) {
      const created = await createServiceType(kernel, {
        actor: req.principal!,
        values: req.body as ServiceTypeInput,
        requestId: req.requestId,
      });
      res.status(201).location(`/v1/service-types/${created.id}`).json(created);
    },
    async updateServiceType(req, res) {
      res.json(
        await updateServiceType(kernel, {
          actor: req.principal!,
          id: String(req.params.id),
          changes: req.body as Partial<ServiceTypeInput>,
          requestId: req.requestId,
        }),
      );
    },
  };
}
