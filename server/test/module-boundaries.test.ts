import { describe, it } from 'vitest';
import { RuleTester } from 'eslint';
import rule from '../../eslint-rules/module-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;

const tester = new RuleTester({ languageOptions: { ecmaVersion: 2023, sourceType: 'module' } });
const inOrders = '/repo/server/src/modules/orders/application/create-order.ts';
const inPlatform = '/repo/server/src/platform/outbox.ts';
const inDomain = '/repo/server/src/modules/orders/domain/order-lifecycle.ts';
const inOrdersTest = '/repo/server/src/modules/orders/test/orders.int.test.ts';
const inPlatformTest = '/repo/server/src/platform/test/events.int.test.ts';

tester.run('module-boundaries', rule, {
  valid: [
    // A test beside its code reaches its own module's internals; a kernel test drives a module through its door.
    { filename: inOrdersTest, code: "import { thing } from '../domain/order.ts'; import { repo } from '../infra/orders.repository.ts';" },
    { filename: inOrdersTest, code: "import { settle } from '../../billing/index.ts';" },
    { filename: inPlatformTest, code: "import { getDashboard } from '../../modules/operations/index.ts';" },
    { filename: inPlatformTest, code: "import { EventBus } from '../events.ts';" },
    { filename: inOrders, code: "import { sendEmail } from '../../notifications/index.ts';" },
    { filename: inOrders, code: "import { thing } from '../domain/order.ts';" },
    // A module's admin/ screens are its outer layer, like infra/: they use its application/ and the panel helpers.
    {
      filename: '/repo/server/src/modules/orders/admin/screens.ts',
      code: "import { cancelOrder } from '../application/cancel-order.ts'; import { runAdminAction } from '../../../admin/actions.ts';",
    },
    { filename: inOrders, code: "import { sql } from '../../../platform/database.ts';" },
    { filename: '/repo/server/src/app.ts', code: "import { createOrdersModule } from './modules/orders/index.ts';" },
    { filename: inPlatform, code: "import { sql } from './database.ts';" },
    // Package and alias spellings of a module's door are doors too.
    { filename: inOrders, code: "import { sendEmail } from '@chorecat/server/src/modules/notifications/index.ts';" },
    { filename: inOrders, code: "import { sendEmail } from '~/modules/notifications';" },
    // Outside domain/, a module may do I/O; a package merely ending in "_modules" is no module.
    { filename: inOrders, code: "import express from 'express'; import fs from 'node:fs';" },
    { filename: inOrders, code: "import x from 'some-lib/node_modules/thing';" },
    // domain/ may use its own domain/ and the pure kernel.
    { filename: inDomain, code: "import { Money } from '../../../platform/money.ts';" },
    { filename: inDomain, code: "import { orderView } from './order-view.ts';" },
    { filename: inDomain, code: "import { z } from 'zod';" },
  ],
  invalid: [
    {
      filename: inOrders,
      code: "import { templates } from '../../notifications/domain/templates.ts';",
      errors: [{ messageId: 'internals' }],
    },
    { filename: inOrders, code: "export { x } from '../../billing/infra/ledger.ts';", errors: [{ messageId: 'internals' }] },
    { filename: inPlatform, code: "import { createOrdersModule } from '../modules/orders/index.ts';", errors: [{ messageId: 'platform' }] },
    // A test beside its code still reaches another module only through its door.
    { filename: inOrdersTest, code: "import { ledger } from '../../billing/infra/ledger.ts';", errors: [{ messageId: 'internals' }] },
    {
      filename: inPlatformTest,
      code: "import { ledger } from '../../modules/billing/infra/ledger.ts';",
      errors: [{ messageId: 'internals' }],
    },
    // Package, alias and absolute imports of another module's internals.
    {
      filename: inOrders,
      code: "import { ledger } from '@chorecat/server/src/modules/billing/infra/ledger.repository.ts';",
      errors: [{ messageId: 'internals' }],
    },
    { filename: inOrders, code: "import { ledger } from '~/modules/billing/application/payouts';", errors: [{ messageId: 'internals' }] },
    {
      filename: inOrders,
      code: "import { ledger } from '/repo/server/src/modules/billing/infra/ledger.repository.ts';",
      errors: [{ messageId: 'internals' }],
    },
    { filename: inOrders, code: "const m = await import('server/src/modules/billing/infra/x.ts');", errors: [{ messageId: 'internals' }] },
    {
      filename: inPlatform,
      code: "import { createOrdersModule } from '@chorecat/server/src/modules/orders/index.ts';",
      errors: [{ messageId: 'platform' }],
    },
    // domain/ purity: no I/O ...
    { filename: inDomain, code: "import fs from 'node:fs';", errors: [{ messageId: 'domainIo' }] },
    { filename: inDomain, code: "import { readFile } from 'fs/promises';", errors: [{ messageId: 'domainIo' }] },
    { filename: inDomain, code: "import net from 'net';", errors: [{ messageId: 'domainIo' }] },
    { filename: inDomain, code: "import http from 'node:http';", errors: [{ messageId: 'domainIo' }] },
    { filename: inDomain, code: "import { spawn } from 'node:child_process';", errors: [{ messageId: 'domainIo' }] },
    { filename: inDomain, code: "import pg from 'pg';", errors: [{ messageId: 'domainIo' }] },
    { filename: inDomain, code: "import { Model } from 'sequelize';", errors: [{ messageId: 'domainIo' }] },
    { filename: inDomain, code: "import express from 'express';", errors: [{ messageId: 'domainIo' }] },
    { filename: inDomain, code: "import { Agenda } from 'agenda';", errors: [{ messageId: 'domainIo' }] },
    { filename: inDomain, code: "import { PostgresBackend } from '@agendajs/postgres-backend';", errors: [{ messageId: 'domainIo' }] },
    { filename: inDomain, code: "import nodemailer from 'nodemailer';", errors: [{ messageId: 'domainIo' }] },
    // ... none of its module's outer layers ...
    { filename: inDomain, code: "import { findOrder } from '../infra/orders.repository.ts';", errors: [{ messageId: 'domainLayer' }] },
    { filename: inDomain, code: "import { createOrder } from '../application/create-order.ts';", errors: [{ messageId: 'domainLayer' }] },
    { filename: inDomain, code: "export { handlers } from '../http/handlers.ts';", errors: [{ messageId: 'domainLayer' }] },
    { filename: inDomain, code: "import { ordersAdminResources } from '../admin/screens.ts';", errors: [{ messageId: 'domainLayer' }] },
    // ... and no other module, not even through its door.
    { filename: inDomain, code: "import { sendEmail } from '../../notifications/index.ts';", errors: [{ messageId: 'domainModule' }] },
    {
      filename: inDomain,
      code: "import { sendEmail } from '@chorecat/server/src/modules/notifications/index.ts';",
      errors: [{ messageId: 'domainModule' }],
    },
  ],
});
