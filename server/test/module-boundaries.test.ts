import { describe, it } from 'vitest';
import { RuleTester } from 'eslint';
import rule from '../../eslint-rules/module-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;

const tester = new RuleTester({ languageOptions: { ecmaVersion: 2023, sourceType: 'module' } });
const inOrders = '/repo/server/src/modules/orders/application/create-order.ts';
const inPlatform = '/repo/server/src/platform/outbox.ts';

tester.run('module-boundaries', rule, {
  valid: [
    { filename: inOrders, code: "import { sendEmail } from '../../notifications/index.ts';" },
    { filename: inOrders, code: "import { thing } from '../domain/order.ts';" },
    { filename: inOrders, code: "import { sql } from '../../../platform/database.ts';" },
    { filename: '/repo/server/src/app.ts', code: "import { createOrdersModule } from './modules/orders/index.ts';" },
    { filename: inPlatform, code: "import { sql } from './database.ts';" },
  ],
  invalid: [
    {
      filename: inOrders,
      code: "import { templates } from '../../notifications/domain/templates.ts';",
      errors: [{ messageId: 'internals' }],
    },
    { filename: inOrders, code: "export { x } from '../../billing/infra/ledger.ts';", errors: [{ messageId: 'internals' }] },
    { filename: inPlatform, code: "import { createOrdersModule } from '../modules/orders/index.ts';", errors: [{ messageId: 'platform' }] },
  ],
});
