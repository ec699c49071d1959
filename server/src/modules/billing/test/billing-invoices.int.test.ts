import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { bringKitReady, settle } from '../../../../test/helpers/orders.ts';
import { lastEmailTo } from '../../../../test/helpers/mail.ts';
import { PNG_1x1 } from '../../../../test/helpers/images.ts';
import { recordBillableOrder } from '../infra/invoices.repository.ts';
import { periodOfCompletion } from '../application/invoices.ts';

const HOUR = 60 * 60_000;
const SUCCESS = '4242424242424242';

/** Weekly invoices through the sandbox clock (business time zone Europe/Paris: Sunday 23:00 is 22:00 UTC in winter). */
describe('billing: weekly invoices', () => {
  let t: TestPlatform;
  let manager: { id: string; token: string };
  let worker: { id: string; token: string };
  let serviceTypeId: string;
  const as = (user: { token: string }) => `Bearer ${user.token}`;

  beforeAll(async () => {
    // A known Wednesday noon: 2031-01-01 (the next Sunday 23:00 Paris is 2031-01-05T22:00Z).
    t = await createTestPlatform({ env: { TZ_BUSINESS: 'Europe/Paris' }, startsAt: new Date('2031-01-01T12:00:00Z') });
    manager = await t.userWithRoles(['manager']);
    worker = await t.userWithRoles(['worker']);
    serviceTypeId = (
      await t.api.post('/v1/service-types').set('authorization', as(manager)).send({ name: 'Sofa', description: '', durationMinutes: 60 })
    ).body.id;
  });
  afterAll(() => t.close());

  /** An order taken all the way to `completed` through the API, as its client and worker would. */
  async function completedOrder(client: { token: string }, startsAt: Date): Promise<string> {
    const created = await t.api
      .post('/v1/orders')
      .set('authorization', as(client))
      .send({ serviceTypeId, startsAt: startsAt.toISOString(), address: '1 Invoice Road' });
    expect(await bringKitReady(t, created.body.id)).toBe('scheduled');
    const photo = (await t.api.post('/v1/files').set('authorization', as(worker)).attach('file', PNG_1x1, 'p.png')).body.id;
    const now = t.clock.now();
    t.clock.moveTo(new Date(startsAt.getTime() - HOUR));
    await t.api.post(`/v1/orders/${created.body.id}/check-in`).set('authorization', as(worker)).send({ photoId: photo }).expect(200);
    await t.api
      .post(`/v1/orders/${created.body.id}/report`)
      .set('authorization', as(worker))
      .send({ beforePhotoIds: [photo], afterPhotoIds: [photo], signedReportPhotoId: photo })
      .expect(200);
    await t.api.post(`/v1/orders/${created.body.id}/accept`).set('authorization', as(client)).send({}).expect(200);
    if (now > t.clock.now()) t.clock.moveTo(now);
    await settle(t);
    return created.body.id;
  }

  it('invoices the week on Sunday 23:00, unpaid without balance, then paid by the next top-up, with the emails', async () => {
    const client = await t.userWithRoles(['client']);
    const orderId = await completedOrder(client, new Date(Date.parse('2031-01-02T10:00:00Z')));
    // The worker's side of the same completion, for its statement.
    expect(await sql(t.db, 'SELECT worker_id, outcome, price_cents FROM worker_outcomes WHERE order_id = $1', [orderId])).toEqual([
      { worker_id: worker.id, outcome: 'completed', price_cents: '10000' },
    ]);
    const upcoming = (await t.api.get('/v1/invoices/upcoming').set('authorization', as(client)).expect(200)).body;
    expect(upcoming).toMatchObject({ periodEnd: '2031-01-05T22:00:00.000Z', subtotal: '100.00', discountRate: 0, total: '100.00' });
    expect(upcoming.lines.map((l: { orderId: string }) => l.orderId)).toEqual([orderId]);

    const advanced = await t.api
      .post('/v1/sandbox/clock')
      .set('authorization', as(manager))
      .send({ advanceTo: '2031-01-06T08:00:00Z' })
      .expect(200);
    const run = advanced.body.jobsRun.find((r: { job: string }) => r.job === 'billing.weekly-invoices');
    expect(run).toMatchObject({ at: '2031-01-05T22:00:00.000Z', outcome: 'succeeded' });
    const [invoice] = (await t.api.get('/v1/invoices').set('authorization', as(client)).expect(200)).body.data;
    expect(invoice).toMatchObject({
      periodEnd: '2031-01-05T22:00:00.000Z',
      subtotal: '100.00',
      paidBefore: '0.00',
      discountRate: 0,
      discount: '0.00',
      total: '100.00',
      status: 'unpaid',
      paidAt: null,
    });
    expect(invoice.lines).toEqual([expect.objectContaining({ orderId, price: '100.00' })]);
    const clientEmail = (await sql<{ email: string }>(t.db, 'SELECT email FROM users WHERE id = $1', [client.id]))[0]!.email;
    expect((await lastEmailTo(t.db, clientEmail, 'invoice-issued'))?.text).toContain('stays unpaid');

    const topUp = await t.api
      .post('/v1/top-ups')
      .set('authorization', as(client))
      .send({ amount: '150.00', paymentMethod: SUCCESS })
      .expect(201);
    expect(topUp.body).toMatchObject({ invoicesPaid: 1, balance: '50.00' });
    await settle(t);
    expect((await t.api.get(`/v1/invoices/${invoice.id}`).set('authorization', as(client))).body).toMatchObject({ status: 'paid' });
    expect((await lastEmailTo(t.db, clientEmail, 'invoice-paid'))?.subject).toBe('Invoice paid: 100.00 cat-units');
    const [revenue] = await sql<{ total: string }>(
      t.db,
      `SELECT sum(e.amount_cents)::text AS total FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id WHERE a.kind = 'platform_revenue'`,
    );
    expect(revenue!.total).toBe('10000');
    // Another client never sees it.
    const other = await t.userWithRoles(['client']);
    expect((await t.api.get(`/v1/invoices/${invoice.id}`).set('authorization', as(other))).status).toBe(404);

    // Its public events, for the client: issued and unpaid in the Sunday run, paid by the top-up.
    const invoiceEvents = async (user: { token: string }) =>
      (
        (await t.api.get('/v1/events?types=invoice.issued,invoice.unpaid,invoice.paid').set('authorization', as(user)).expect(200))
          .body as {
          data: { type: string; data: { id: string; status: string } }[];
        }
      ).data;
    const events = await invoiceEvents(client);
    expect(events.map((e) => [e.type, e.data.id, e.data.status])).toEqual([
      ['invoice.issued', invoice.id, 'unpaid'],
      ['invoice.unpaid', invoice.id, 'unpaid'],
      ['invoice.paid', invoice.id, 'paid'],
    ]);
    expect(events[2]!.data).toEqual((await t.api.get(`/v1/invoices/${invoice.id}`).set('authorization', as(client))).body);
    expect(await invoiceEvents(other)).toEqual([]);
    expect((await invoiceEvents(manager)).map((e) => e.data.id)).toContain(invoice.id);
  });

  it('applies the discount by what was paid before, pays from the balance, and bills each order once at the week edge', async () => {
    const client = await t.userWithRoles(['client']);
    // 20,000.01 paid before (earlier invoices), and a balance that covers this week.
    await t.db.sequelize.query(
      `INSERT INTO invoices (client_id, period_start, period_end, subtotal_cents, paid_before_cents, discount_rate, discount_cents, total_cents, status, issued_at, paid_at)
       VALUES ($1, '2030-01-01', '2030-01-06T22:00Z', 2000001, 0, 0, 0, 2000001, 'paid', '2030-01-06T22:00Z', '2030-01-06T22:00Z')`,
      { bind: [client.id] },
    );
    await t.api.post('/v1/top-ups').set('authorization', as(client)).send({ amount: '1000.00', paymentMethod: SUCCESS }).expect(201);
    const periodEnd = new Date('2031-01-12T22:00:00Z');
    // Recorded as orders' completion events record them (the period is picked at recording).
    const billable = (id: string, at: Date, price = 10000) =>
      recordBillableOrder(
        t.db,
        { orderId: id, clientId: client.id, workerId: null, priceCents: BigInt(price), completedAt: at },
        (closed) => periodOfCompletion('Europe/Paris', at, closed),
      );
    await billable('00000000-0000-4000-8000-000000000001', new Date('2031-01-08T10:00:00Z'));
    await billable('00000000-0000-4000-8000-000000000002', new Date('2031-01-10T10:00:00Z'), 20000);
    await billable('00000000-0000-4000-8000-000000000003', periodEnd); // exactly at the edge: this week
    await billable('00000000-0000-4000-8000-000000000004', new Date(periodEnd.getTime() + 1)); // a millisecond later: next week

    await t.api.post('/v1/sandbox/clock').set('authorization', as(manager)).send({ advanceTo: '2031-01-13T08:00:00Z' }).expect(200);
    // Running the week again (another time in the same week) issues nothing more.
    await t.platform.kernel.scheduler.runJob('billing.weekly-invoices', new Date('2031-01-13T07:00:00Z'), 'cli');
    const invoices = (await t.api.get('/v1/invoices').set('authorization', as(client))).body.data.filter(
      (i: { periodEnd: string }) => i.periodEnd === periodEnd.toISOString(),
    );
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({
      subtotal: '400.00',
      paidBefore: '20000.01',
      discountRate: 6,
      discount: '24.00',
      total: '376.00',
      status: 'paid',
    });
    expect(invoices[0].lines.map((l: { orderId: string }) => l.orderId.slice(-1))).toEqual(['1', '2', '3']);
    expect((await t.api.get('/v1/balance').set('authorization', as(client))).body.balance).toBe('624.00');
    // The fourth order waits for next week.
    const upcoming = (await t.api.get('/v1/invoices/upcoming').set('authorization', as(client))).body;
    expect(upcoming.lines.map((l: { orderId: string }) => l.orderId.slice(-1))).toEqual(['4']);
    expect(upcoming.paidBefore).toBe('20376.01');
    expect(upcoming.discountRate).toBe(6);
  });

  it('issues nothing when the run fails half-way, and everything once when it is run again', async () => {
    const client = await t.userWithRoles(['client']);
    const completedAt = new Date('2031-01-14T10:00Z');
    await recordBillableOrder(
      t.db,
      { orderId: '00000000-0000-4000-8000-0000000000a1', clientId: client.id, workerId: null, priceCents: 5000n, completedAt },
      (closed) => periodOfCompletion('Europe/Paris', completedAt, closed),
    );
    // Closing the period (the step after issuing and paying) breaks: the whole run must roll back.
    await t.db.sequelize.query(`
      CREATE FUNCTION fail_closing() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'crash after issuing and paying'; END $$;
      CREATE TRIGGER fail_closing BEFORE INSERT ON billing_periods FOR EACH ROW EXECUTE FUNCTION fail_closing();`);
    await t.api.post('/v1/top-ups').set('authorization', as(client)).send({ amount: '100.00', paymentMethod: SUCCESS }).expect(201);
    const broken = await t.platform.kernel.scheduler.runJob('billing.weekly-invoices', new Date('2031-01-19T22:00:00Z'), 'cli');
    expect(broken.outcome).toBe('failed');
    expect(await sql(t.db, 'SELECT 1 FROM invoices WHERE client_id = $1', [client.id])).toHaveLength(0);
    expect(await sql(t.db, "SELECT 1 FROM invoice_lines WHERE order_id = '00000000-0000-4000-8000-0000000000a1'")).toHaveLength(0);
    expect((await t.api.get('/v1/balance').set('authorization', as(client))).body.balance).toBe('100.00');
    await t.db.sequelize.query('DROP TRIGGER fail_closing ON billing_periods; DROP FUNCTION fail_closing();');
    for (let i = 0; i < 2; i++) {
      const run = await t.platform.kernel.scheduler.runJob('billing.weekly-invoices', new Date('2031-01-19T22:00:00Z'), 'cli');
      expect(run.outcome).toBe('succeeded');
    }
    const invoices = await sql<{ total_cents: string; status: string }>(
      t.db,
      'SELECT total_cents, status FROM invoices WHERE client_id = $1',
      [client.id],
    );
    expect(invoices).toEqual([{ total_cents: '5000', status: 'paid' }]);
  });

  it('invoices an order recorded after its week closed next week, and a missed Sunday with the next; a closed period takes no order', async () => {
    // The run of the previous test closed the week ending 2031-01-19T22:00Z.
    const client = await t.userWithRoles(['client']);
    const record = (orderId: string, completedAt: Date) =>
      recordBillableOrder(t.db, { orderId, clientId: client.id, workerId: null, priceCents: 10000n, completedAt }, (closed) =>
        periodOfCompletion('Europe/Paris', completedAt, closed),
      );
    const periodOf = async (orderId: string) =>
      (
        await sql<{ period_end: Date }>(t.db, 'SELECT period_end FROM billable_orders WHERE order_id = $1', [orderId])
      )[0]!.period_end.toISOString();
    // Completed in the closed week but recorded only now: the next open week.
    await record('00000000-0000-4000-8000-0000000000b1', new Date('2031-01-15T10:00Z'));
    expect(await periodOf('00000000-0000-4000-8000-0000000000b1')).toBe('2031-01-26T22:00:00.000Z');
    await record('00000000-0000-4000-8000-0000000000b2', new Date('2031-01-28T10:00Z'));
    expect(await periodOf('00000000-0000-4000-8000-0000000000b2')).toBe('2031-02-02T22:00:00.000Z');
    // The database refuses an order into a closed period, where it would never be invoiced.
    await expect(
      t.db.sequelize.query(
        "INSERT INTO billable_orders (order_id, client_id, price_cents, completed_at, period_end) VALUES (gen_random_uuid(), $1, 100, '2031-01-15T10:00Z', '2031-01-19T22:00Z')",
        { bind: [client.id] },
      ),
    ).rejects.toThrow(/is closed/);
    const upcoming = (await t.api.get('/v1/invoices/upcoming').set('authorization', as(client))).body;
    expect(upcoming.lines.map((l: { orderId: string }) => l.orderId.slice(-2))).toEqual(['b1', 'b2']);
    expect(upcoming.periodStart).toBe('2031-01-15T10:00:00.000Z'); // as the invoice will say

    // The Sunday of 2031-01-26 is missed; the next run takes both weeks' orders on one invoice.
    const run = await t.platform.kernel.scheduler.runJob('billing.weekly-invoices', new Date('2031-02-02T22:30:00Z'), 'cli');
    expect(run.outcome).toBe('succeeded');
    const late = await t.platform.kernel.scheduler.runJob('billing.weekly-invoices', new Date('2031-01-26T23:00:00Z'), 'cli');
    expect(late.outcome).toBe('succeeded');
    const invoices = (await t.api.get('/v1/invoices').set('authorization', as(client))).body.data;
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({
      periodStart: '2031-01-15T10:00:00.000Z',
      periodEnd: '2031-02-02T22:00:00.000Z',
      subtotal: '200.00',
    });
    expect(invoices[0].lines.map((l: { orderId: string }) => l.orderId.slice(-2))).toEqual(['b1', 'b2']);
    // Invoiced orders cannot be moved to another period.
    await expect(
      t.db.sequelize.query(
        "UPDATE billable_orders SET period_end = '2031-02-09T22:00Z' WHERE order_id = '00000000-0000-4000-8000-0000000000b1'",
      ),
    ).rejects.toThrow(/closed period/);
  });

  it('keeps the SQL discount rule equal to the domain one at every boundary', async () => {
    const { discountRate } = await import('../domain/discount.ts');
    const { Money } = await import('../../../platform/money.ts');
    const cents = [
      0, 999_999, 1_000_000, 1_000_001, 2_000_000, 2_000_001, 3_000_000, 3_000_001, 7_000_001, 8_000_000, 8_000_001, 100_000_000,
    ];
    const rows = await sql<{ paid: string; rate: number }>(
      t.db,
      'SELECT p::text AS paid, billing_discount_rate(p) AS rate FROM unnest($1::bigint[]) p',
      [cents],
    );
    for (const row of rows) expect(row.rate, row.paid).toBe(discountRate(Money.fromCents(BigInt(row.paid))));
  });
});
