import { contractHandlers } from '../../../platform/http/contract.ts';
import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import type { Kernel } from '../../../platform/module.ts';
import { AppError } from '../../../platform/errors.ts';
import { advanceSandboxClock } from '../application/advance-sandbox-clock.ts';
import { servedContract } from '../domain/served-contract.ts';

export function operationsHandlers(kernel: Kernel): OperationHandlers {
  const requireSandbox = () => {
    if (!kernel.config.sandbox) throw new AppError('NOT_FOUND', 'The sandbox clock is off on this deployment.');
  };
  // Once per process: the contract and PUBLIC_URL do not change while it runs.
  const served = servedContract(kernel.spec, kernel.config.publicUrl);
  return contractHandlers({
    getHealth(_req, res) {
      res.json({ status: 'ok' });
    },
    async getReadiness(_req, res) {
      try {
        await kernel.db.pool.query('SELECT 1');
      } catch (error) {
        kernel.logger.warn({ err: error }, 'readiness: database unreachable');
        // The same code and Retry-After as any operation answers while the database is down.
        throw new AppError('SERVICE.DATABASE_UNAVAILABLE', 'The database does not answer.', { headers: { 'retry-after': '1' } });
      }
      res.json({ status: 'ready', checks: { database: 'ok' } });
    },
    async getMetrics(_req, res) {
      res.type(kernel.metrics.registry.contentType).send(await kernel.metrics.registry.metrics());
    },
    getOpenApi(_req, res) {
      // The contract declares this body as a bare `type: object`, which the generator types as an empty record.
      res.json(served as Record<string, never>);
    },
    async getSandboxClock(_req, res) {
      requireSandbox();
      res.json({ now: (await kernel.sandbox.now()).toISOString() });
    },
    async advanceSandboxClock(req, res) {
      res.json(await advanceSandboxClock(kernel, { actor: req.principal!, ...req.body, requestId: req.requestId }));
    },
  });
}
