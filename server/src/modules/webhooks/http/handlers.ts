import { contractHandlers } from '../../../platform/http/contract.ts';
import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import { createEndpoint } from '../application/create-endpoint.ts';
import { listEndpoints } from '../application/list-endpoints.ts';
import { deleteEndpoint } from '../application/delete-endpoint.ts';
import { rotateSecret } from '../application/rotate-secret.ts';
import type { Webhooks } from '../application/context.ts';

export function webhooksHandlers(webhooks: Webhooks): OperationHandlers {
  return contractHandlers({
    async createWebhookEndpoint(req, res) {
      const created = await createEndpoint(webhooks, {
        actor: req.principal!,
        url: req.body.url,
        eventTypes: req.body.eventTypes,
        requestId: req.requestId,
      });
      res.status(201).json(created);
    },
    async listWebhookEndpoints(req, res) {
      res.json(await listEndpoints(webhooks, { limit: req.query.limit ?? 20, cursor: req.query.cursor }));
    },
    async deleteWebhookEndpoint(req, res) {
      await deleteEndpoint(webhooks, { actor: req.principal!, id: req.params.id, requestId: req.requestId });
      res.status(204).end();
    },
    async rotateWebhookEndpointSecret(req, res) {
      res.json(await rotateSecret(webhooks, { actor: req.principal!, id: req.params.id, requestId: req.requestId }));
    },
  });
}
