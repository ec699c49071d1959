import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { SmtpTransport } from '../mail.ts';
import { sql, transaction } from '../database.ts';
import { OutboxDispatcher, backoffMs } from '../outbox.ts';
import { sendEmail, defineTemplate } from '../../modules/notifications/index.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';
import { startSmtpServer } from '../../../test/helpers/smtp.ts';

const greeting = defineTemplate<{ name: string }>('test-greeting', ({ name }) => ({
  subject: `Hello ${name}`,
  paragraphs: [`Hello ${name} <3`, 'This is a test.'],
}));

describe('outbox email delivery over real SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestPlatform;
  let managerToken: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestPlatform({ mailTransport: new SmtpTransport(smtp.url, 'Chorecat <no-reply@chorecat.test>') });
    managerToken = (await t.userWithRoles(['manager'])).token;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  const deliver = () => t.platform.kernel.scheduler.runJob('outbox.deliver', t.clock.now(), 'test');

  it('writes the email in the caller transaction: a rollback sends nothing', async () => {
    await expect(
      transaction(t.db, async (tx) => {
        await sendEmail(t.platform.kernel, tx, {
          template: greeting,
          to: 'rolled-back@chorecat.test',
          data: { name: 'Ghost' },
          dedupeKey: 'rollback-1',
        });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    await deliver();
    expect(smtp.received).toHaveLength(0);
    const rows = await sql(t.db, 'SELECT 1 FROM emails WHERE "to" = \'rolled-back@chorecat.test\'');
    expect(rows).toHaveLength(0);
  });

  it('delivers a committed email once, with text and HTML parts and a stable Message-ID', async () => {
    await transaction(t.db, (tx) =>
      sendEmail(t.platform.kernel, tx, { template: greeting, to: 'tom@chorecat.test', data: { name: 'Tom' }, dedupeKey: 'greet-tom' }),
    );
    // The same fact enqueued again (a retried use case) is not a second email.
    const again = await sendEmail(t.platform.kernel, undefined, {
      template: greeting,
      to: 'tom@chorecat.test',
      data: { name: 'Tom' },
      dedupeKey: 'greet-tom',
    });
    expect(again.created).toBe(false);
    const run = await deliver();
    expect(run.outcome).toBe('succeeded');
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['tom@chorecat.test']);
    expect(mail.subject).toBe('Hello Tom');
    expect(mail.raw).toContain('text/plain');
    expect(mail.raw).toContain('text/html');
    expect(mail.raw).toContain('&lt;3');
    expect(mail.messageId).toBe(`<${again.id}@chorecat.test>`);
    await deliver();
    expect(smtp.received).toHaveLength(1);
  });

  it('retries with backoff after the server refused, then delivers', async () => {
    smtp.refuseNext(1);
    await sendEmail(t.platform.kernel, undefined, {
      template: greeting,
      to: 'retry@chorecat.test',
      data: { name: 'Retry' },
      dedupeKey: 'greet-retry',
    });
    await deliver();
    expect(smtp.received).toHaveLength(0);
    const [pending] = await sql<{ status: string; attempts: number; last_error: string; next_attempt_at: Date }>(
      t.db,
      'SELECT status, attempts, last_error, next_attempt_at FROM emails WHERE "to" = \'retry@chorecat.test\'',
    );
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
    expect(pending!.last_error).toMatch(/451/);
    expect(new Date(pending!.next_attempt_at).getTime()).toBeGreaterThanOrEqual(t.clock.now().getTime() + backoffMs(1) - 1_000);
    // Not due yet: nothing is sent.
    await deliver();
    expect(smtp.received).toHaveLength(0);
    // Move the platform clock past the backoff: the retry goes out.
    t.clock.moveTo(new Date(t.clock.now().getTime() + backoffMs(1) + 1_000));
    await deliver();
    expect(smtp.received.map((m) => m.to[0])).toEqual(['retry@chorecat.test']);
    const [sent] = await sql<{ status: string; attempts: number }>(
      t.db,
      'SELECT status, attempts FROM emails WHERE "to" = \'retry@chorecat.test\'',
    );
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('never sends a message twice when dispatchers race', async () => {
    for (let i = 0; i < 12; i++) {
      await sendEmail(t.platform.kernel, undefined, {
        template: greeting,
        to: `race${i}@chorecat.test`,
        data: { name: `R${i}` },
        dedupeKey: `race-${i}`,
      });
    }
    const dispatchers = Array.from({ length: 4 }, () => {
      const d = new OutboxDispatcher({ db: t.db, clock: t.clock, logger: t.platform.kernel.logger });
      d.handle('email', async (message) => {
        const transport = t.platform.kernel.mailTransport;
        await transport.send(message.payload as never, `<${message.id}@chorecat.test>`);
      });
      return d;
    });
    const results = await Promise.all(dispatchers.map((d) => d.dispatch()));
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(12);
    const recipients = smtp.received.map((m) => m.to[0]).sort();
    expect(recipients).toHaveLength(12);
    expect(new Set(recipients).size).toBe(12);
  });

  it('gives up after the last attempt and alerts the operators', async () => {
    smtp.refuseNext(100);
    const { id } = await sendEmail(t.platform.kernel, undefined, {
      template: greeting,
      to: 'doomed@chorecat.test',
      data: { name: 'Doomed' },
      dedupeKey: 'greet-doomed',
    });
    await t.db.sequelize.query('UPDATE outbox SET attempts = 7 WHERE id = $1', { bind: [id] });
    await deliver();
    const [row] = await sql<{ status: string }>(t.db, 'SELECT status FROM outbox WHERE id = $1', [id]);
    expect(row!.status).toBe('failed');
    const alerts = await sql<{ subject: string }>(t.db, "SELECT subject FROM emails WHERE template = 'operator-alert'");
    expect(alerts.map((a) => a.subject).join()).toContain(id);
    smtp.refuseNext(0);
  });

  it('lists every email for managers, newest first, filtered and paginated', async () => {
    const list = await t.api.get('/v1/emails?limit=2').set('authorization', `Bearer ${managerToken}`);
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(2);
    expect(list.body.nextCursor).toEqual(expect.any(String));
    const next = await t.api.get(`/v1/emails?limit=2&cursor=${list.body.nextCursor}`).set('authorization', `Bearer ${managerToken}`);
    expect(next.status).toBe(200);
    const ids = [...list.body.data, ...next.body.data].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const times = [...list.body.data, ...next.body.data].map((e: { createdAt: string }) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const tom = await t.api
      .get(`/v1/emails?recipient=${encodeURIComponent('TOM@chorecat.test')}`)
      .set('authorization', `Bearer ${managerToken}`);
    expect(tom.status, JSON.stringify(tom.body)).toBe(200);
    expect(tom.body.data).toHaveLength(1);
    expect(tom.body.data[0]).toMatchObject({
      to: 'tom@chorecat.test',
      subject: 'Hello Tom',
      status: 'sent',
      template: 'test-greeting',
      attempts: 1,
    });
    expect(tom.body.data[0].html).toContain('Hello Tom');
    const failed = await t.api.get('/v1/emails?status=failed').set('authorization', `Bearer ${managerToken}`);
    expect(failed.body.data.map((e: { to: string }) => e.to)).toEqual(['doomed@chorecat.test']);
    const badCursor = await t.api.get('/v1/emails?cursor=nonsense').set('authorization', `Bearer ${managerToken}`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.code).toBe('VALIDATION.FAILED');
  });
});
