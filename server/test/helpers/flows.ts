import net, { type AddressInfo } from 'node:net';
import { createTestPlatform, type TestPlatform } from './platform.ts';
import { settle } from './orders.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { startDevMailbox, type DevMailbox } from '../../src/platform/dev-mailbox.ts';
import { SmtpTransport } from '../../src/platform/mail.ts';
import { seedDemoHiring } from '../../src/modules/hiring/index.ts';
import { seedDemoReviewForms } from '../../src/modules/quality/application/seed-demo-forms.ts';
import type { Staff } from '../../../examples/flows.ts';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface FlowPlatform {
  t: TestPlatform;
  baseUrl: string;
  mailboxUrl: string;
  staff: Staff;
  /** What a running server does by itself: deliver the outbox, and send payouts to Golden Hat. */
  deliver: () => Promise<void>;
  close(): Promise<void>;
}

/**
 * A server for the actor-flow examples, as `npm start` would run it: a real
 * MailDev on free ports (the examples read codes from its REST API), the
 * supplier and Golden Hat stand-ins answering at once, the demo vacancy and
 * review forms, one service type, and staff accounts. No completed order is
 * sampled into review (REVIEW_SAMPLE_PERCENT=0), so each flow is the same every run.
 */
export async function startFlowPlatform(): Promise<FlowPlatform> {
  const mailbox: DevMailbox = await startDevMailbox({
    smtpPort: await freePort(),
    webPort: await freePort(),
    logger: createLogger({ level: 'silent' }),
  });
  const t = await createTestPlatform({
    env: { REVIEW_SAMPLE_PERCENT: '0', APPLICATION_POW_MAX_NUMBER: '2000' },
    mailTransport: new SmtpTransport(mailbox.smtpUrl, 'Chorecat <noreply@chorecat.test>'),
    supplier: { deliveryDelayMs: 0 },
  });
  t.goldenHat.options.settleDelayMs = 0;
  await seedDemoHiring(t.platform.kernel);
  await seedDemoReviewForms(t.platform.kernel);
  const baseUrl = await t.listen();
  const [client, manager, admin, supplies] = await Promise.all([
    t.userWithRoles(['client']),
    t.userWithRoles(['manager']),
    t.userWithRoles(['admin']),
    t.userWithRoles(['supplies']),
  ]);
  await t.api
    .post('/v1/service-types')
    .set('authorization', `Bearer ${manager.token}`)
    .send({ name: 'Litter box deep clean', description: '', durationMinutes: 60 })
    .expect(201);
  const password = 'test-password';
  return {
    t,
    baseUrl,
    mailboxUrl: mailbox.webUrl,
    staff: {
      client: { email: client.email, password },
      manager: { email: manager.email, password },
      admin: { email: admin.email, password },
      supplies: { email: supplies.email, password },
    },
    async deliver() {
      await settle(t);
      await t.platform.kernel.scheduler.runJob('billing.payouts', t.clock.now(), 'test');
      await settle(t);
    },
    async close() {
      await t.close();
      await mailbox.stop();
    },
  };
}
