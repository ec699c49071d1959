import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MailchimpTransport, SmtpTransport } from '../mail.ts';
import { sql } from '../database.ts';
import { backoffMs, MAX_ATTEMPTS } from '../outbox.ts';
import { sendEmail, defineTemplate } from '../../modules/notifications/index.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.ts';
import { bringKitsReady } from '../../../test/helpers/orders.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const note = defineTemplate<{ name: string }>('test-note', ({ name }) => ({ subject: `A note for ${name}`, paragraphs: ['Hello.'] }));

interface EmailRow {
  id: string;
  to: string;
  template: string;
  status: string;
  attempts: number;
  last_error: string | null;
}
const emailRows = (t: TestPlatform) =>
  sql<EmailRow>(t.db, `SELECT id, "to", template, status, attempts, last_error FROM emails ORDER BY created_at, id`);

/**
 * Issue #18, fault 4: the mail server is down for an hour of platform time,
 * or refuses one recipient, or (Mailchimp) answers 500. Real servers on
 * loopback (smtp-server, a Mandrill-protocol HTTP server), time moved by the
 * sandbox clock: every email is delivered exactly once, counted by
 * Message-ID and recipient at the receiving end.
 */
describe('email through an SMTP outage and SMTP refusals', () => {
  let smtp: TestSmtpServer;
  let t: TestPlatform;
  let manager: { token: string };
  let serviceTypeId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestPlatform({ mailTransport: new SmtpTransport(smtp.url, 'Chorecat <no-reply@chorecat.test>') });
    manager = await t.userWithRoles(['manager']);
    serviceTypeId = (
      await t.api
        .post('/v1/service-types')
        .set('authorization', `Bearer ${manager.token}`)
        .send({ name: 'Scratching post repair', description: '', durationMinutes: 60 })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const advance = (advanceBy: string) =>
    t.api.post('/v1/sandbox/clock').set('authorization', `Bearer ${manager.token}`).send({ advanceBy }).expect(200);

  it('keeps retrying for the hour SMTP is down (no email given up), then delivers each email exactly once', async () => {
    // The policy's window: the 8th and last attempt comes 63.5 minutes after the first failed one, so an hour's outage is survived.
    const lastAttemptAfter = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => backoffMs(i + 1)).reduce((a, b) => a + b, 0);
    expect(lastAttemptAfter).toBe(63.5 * MINUTE);

    await smtp.stop();
    const clients = await Promise.all([0, 1, 2].map(() => t.userWithRoles(['client'])));
    await Promise.all([0, 1, 2].map(() => t.userWithRoles(['worker'])));
    const startsAt = new Date(t.clock.now().getTime() + 3 * 24 * HOUR).toISOString();
    const orderIds: string[] = [];
    for (const client of clients) {
      const res = await t.api
        .post('/v1/orders')
        .set('authorization', `Bearer ${client.token}`)
        .send({ serviceTypeId, startsAt, address: '9 Whisker Lane' })
        .expect(201);
      orderIds.push(res.body.id);
    }
    // The flow goes on without mail: kits, cookies, matching (its events are not emails).
    expect(await bringKitsReady(t, orderIds)).toEqual(['scheduled', 'scheduled', 'scheduled']);
    const queued = await emailRows(t);
    const templates = queued.map((e) => e.template);
    for (const template of ['order-received', 'order-scheduled-client', 'order-scheduled-worker']) {
      expect(
        templates.filter((x) => x === template),
        template,
      ).toHaveLength(3);
    }
    expect(queued.every((e) => e.status === 'pending' && e.attempts === 1 && /ECONNREFUSED/.test(e.last_error ?? ''))).toBe(true);

    // An hour of platform time with SMTP down: the sandbox clock runs the outbox at each retry on the way.
    await advance('PT1H');
    const afterHour = await emailRows(t);
    expect(smtp.received).toHaveLength(0);
    expect(afterHour.filter((e) => e.status !== 'pending')).toEqual([]);
    // Seven attempts made, the last one still to come (emails queued later in the flow may be one behind).
    expect(Math.max(...afterHour.map((e) => e.attempts))).toBe(MAX_ATTEMPTS - 1);

    await smtp.start();
    await advance('PT5M');
    const delivered = await emailRows(t);
    expect(delivered.filter((e) => e.status !== 'sent')).toEqual([]);
    expect(delivered.length).toBeGreaterThanOrEqual(queued.length);
    // Exactly once each, by Message-ID and recipient, at the receiving server.
    const byMessageId = new Map<string, string[][]>();
    for (const mail of smtp.received) byMessageId.set(mail.messageId, [...(byMessageId.get(mail.messageId) ?? []), mail.to]);
    expect(smtp.received).toHaveLength(delivered.length);
    for (const email of delivered) expect(byMessageId.get(`<${email.id}@chorecat.test>`), email.template).toEqual([[email.to]]);

    // Nothing goes out again later.
    await advance('PT2H');
    expect(smtp.received).toHaveLength(delivered.length);
  });

  it('retries a recipient answered 4xx, gives up one answered 5xx at once and visibly, and delivers the others', async () => {
    smtp.received.length = 0;
    smtp.refuseRecipient('busy@chorecat.test', 450, 2);
    smtp.refuseRecipient('gone@chorecat.test', 550);
    const ids: Record<string, string> = {};
    for (const name of ['fine', 'busy', 'gone', 'also-fine']) {
      ids[name] = (
        await sendEmail(t.platform.kernel, undefined, {
          template: note,
          to: `${name}@chorecat.test`,
          data: { name },
          dedupeKey: `recipient-fault-${name}`,
        })
      ).id;
    }
    const row = async (name: string) => (await emailRows(t)).find((e) => e.id === ids[name])!;
    const deliver = () => t.platform.kernel.scheduler.runJob('outbox.deliver', t.clock.now(), 'test');

    const ours = () => smtp.received.filter((m) => m.to[0] !== 'operators@chorecat.test');
    expect((await deliver()).outcome).toBe('failed');
    expect(
      ours()
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(['also-fine@chorecat.test', 'fine@chorecat.test']);
    expect(await row('busy')).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await row('busy')).last_error).toMatch(/450/);
    // 5xx to RCPT: no such mailbox. Given up after one attempt, the reason kept, the operators told.
    expect(await row('gone')).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await row('gone')).last_error).toMatch(/550/);
    const alerts = await sql<{ subject: string; status: string }>(
      t.db,
      "SELECT subject, status FROM emails WHERE template = 'operator-alert'",
    );
    expect(alerts.filter((a) => a.subject.includes(ids.gone!))).toEqual([expect.objectContaining({ status: 'sent' })]);

    // The 4xx recipient is refused once more, then takes the email.
    t.clock.moveTo(new Date(t.clock.now().getTime() + backoffMs(1) + 1_000));
    await deliver();
    expect(await row('busy')).toMatchObject({ status: 'pending', attempts: 2 });
    t.clock.moveTo(new Date(t.clock.now().getTime() + backoffMs(2) + 1_000));
    await deliver();
    expect(await row('busy')).toMatchObject({ status: 'sent', attempts: 3 });

    t.clock.moveTo(new Date(t.clock.now().getTime() + HOUR));
    await deliver();
    const count = (name: string) => smtp.received.filter((m) => m.to[0] === `${name}@chorecat.test`).length;
    expect([count('fine'), count('also-fine'), count('busy'), count('gone')]).toEqual([1, 1, 1, 0]);
    const busyMail = smtp.received.find((m) => m.to[0] === 'busy@chorecat.test')!;
    expect(busyMail.messageId).toBe(`<${ids.busy}@chorecat.test>`);
    expect(await row('gone')).toMatchObject({ status: 'failed', attempts: 1 });
  });
});

describe('email through Mailchimp answering 500', () => {
  const sends: { messageId: string; to: string; status: number }[] = [];
  let failures = 0;
  let server: http.Server;
  let t: TestPlatform;

  beforeAll(async () => {
    // The Mandrill protocol (POST /api/1.3/messages/send), answering 500 while `failures` lasts.
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const { message } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          message: { to: { email: string }[]; headers: Record<string, string> };
        };
        const status = failures > 0 ? 500 : 200;
        if (failures > 0) failures--;
        sends.push({ messageId: message.headers['Message-Id']!, to: message.to[0]!.email, status });
        const body =
          status === 500
            ? { status: 'error', code: -1, name: 'GeneralError', message: 'Internal server error' }
            : [{ email: message.to[0]!.email, status: 'sent', _id: `mc-${sends.length}` }];
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/1.3`;
    t = await createTestPlatform({
      mailTransport: await MailchimpTransport.create('mc-test-key', 'Chorecat <no-reply@chorecat.test>', baseUrl),
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('retries an email Mailchimp answered 500 with backoff, then delivers it once', async () => {
    failures = 3;
    const { id } = await sendEmail(t.platform.kernel, undefined, {
      template: note,
      to: 'mc@chorecat.test',
      data: { name: 'Mailchimp' },
      dedupeKey: 'mailchimp-500',
    });
    const deliver = () => t.platform.kernel.scheduler.runJob('outbox.deliver', t.clock.now(), 'test');
    const row = async () => (await emailRows(t)).find((e) => e.id === id)!;
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await deliver()).outcome).toBe('failed');
      expect(await row()).toMatchObject({ status: 'pending', attempts: attempt });
      expect((await row()).last_error).toMatch(/Mailchimp refused the message/);
      // Not due before its backoff: nothing is sent in between.
      await deliver();
      expect(sends).toHaveLength(attempt);
      t.clock.moveTo(new Date(t.clock.now().getTime() + backoffMs(attempt) + 1_000));
    }
    expect((await deliver()).outcome).toBe('succeeded');
    expect(await row()).toMatchObject({ status: 'sent', attempts: 4 });
    t.clock.moveTo(new Date(t.clock.now().getTime() + HOUR));
    await deliver();
    expect(sends.map((s) => s.status)).toEqual([500, 500, 500, 200]);
    // Every try carried the same Message-Id; one was accepted.
    expect(new Set(sends.map((s) => `${s.messageId} ${s.to}`))).toEqual(new Set([`<${id}@chorecat.test> mc@chorecat.test`]));
  });
});
