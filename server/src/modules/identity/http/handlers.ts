import type { OperationHandlers } from '../../../platform/http/openapi.ts';
import type { Kernel } from '../../../platform/module.ts';
import { login } from '../application/login.ts';

export function identityHandlers(kernel: Kernel): OperationHandlers {
  return {
    async login(req, res) {
      const body = req.body as { email: string; password: string };
      res.json(await login(kernel, body));
    },
  };
}
