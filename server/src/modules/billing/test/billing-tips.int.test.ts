import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from '../../../platform/database.ts';
import { SmtpTransport } from '../../../platform/mail.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { settle } from '../../../../test/helpers/orders.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/helpers/smtp.ts';
import { signedInPanel, testPanel } from '../../../../test/helpers/panel.ts';
import { acceptedOrder, mailText } from '../../../../test/helpers/completed-order.ts';
import { recordBillableTip } from '../infra/invoices.repository.ts';
import { periodOfCompletion } from '../application/invoices.ts';

const SUCCESS = '4242424242424242';

interface Line {
  kind: string;
  orderId: string;
  tipId: string | null;
  price?: string;
  amount?: string;
}

/**
 * A tip from acceptance to the invoice and the worker's statement, exactly
 * once (issue 19), on the sandbox clock, business time Europe/Paris (Sunday
 * 23:00 is 22:00 UTC in winter; 31 January 23:00 is 22:00 UTC): its own
 * invoice line after the discount, the next invoice when its week is
 * closed, paid in full on its own statement line, through the `tips`
 * ledger account, in the emails (a real SMTP server) and the events.
 */
describe('billing: tips', () => {
  let smtp: TestSmtpServer;
  let t: TestPlatform;
  let manager: { id: string; token: string };
  let worker: { id: string; email: string; token: string };
  let client: { id: string; email: string; token: string };
  let serviceTypeId: string;
  const as = (user: { token: string }) => `Bearer ${user.token}`;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestPlatform({
      env: { TZ_BUSINESS: 'Europe/Paris', REVIEW_SAMPLE_PERCENT: '0' },
      startsAt: new Date('2031-01-07T08:00:00Z'),
      mailTransport: new SmtpTransport(smtp.url, 'Chorecat <noreply@chorecat.test>'),
      mountBeforeApi: testPanel(),
    });
    manager = await t.userWithRoles(['manager']);
    worker = await t.userWithRoles(['worker']);
    client = await t.userWithRoles(['client']);
    serviceTypeId = (
      await t.api.post('/v1/service-types').set('authorization', as(manager)).send({ name: 'Sofa', description: '', durationMinutes: 60 })
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const advanceTo = (at: string) => t.api.post('/v1/sandbox/clock').set('authorization', as(manager)).send({ advanceTo: at }).expect(200);
  // This month's invoices, oldest first (not the one seeded for what was paid before).
  const invoices = async () =>
    (await t.api.get('/v1/invoices').set('authorization', as(client)).expect(200)).body.data
      .filter((i: { periodEnd: string }) => i.periodEnd > '2031')
      .reverse();
  const ledger = (kind: string, ownerId: string | null = null) =>
    sql<{ total: string }>(
      t.db,
      `SELECT coalesce(sum(e.amount_cents), 0)::text AS total FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id
       WHERE a.kind = $1 AND a.owner_id IS NOT DISTINCT FROM $2`,
      [kind, ownerId],
    ).then((r) => r[0]!.total);
  const kinds = (lines: Line[]) => lines.map((l) => [l.kind, l.price ?? l.amount]);

  it('flows from accept to the invoice and the statement exactly once, never discounted, through the tips account', async () => {
    // 20,000.01 paid before: a 6 % discount, on the orders only. A balance that covers every week.
    await t.db.sequelize.query(
      `INSERT INTO invoices (client_id, period_start, period_end, subtotal_cents, paid_before_cents, discount_rate, discount_cents, total_cents, status, issued_at, paid_at)
       VALUES ($1, '2030-01-01', '2030-01-06T22:00Z', 2000001, 0, 0, 0, 2000001, 'paid', '2030-01-06T22:00Z', '2030-01-06T22:00Z')`,
      { bind: [client.id] },
    );
    await t.api.post('/v1/top-ups').set('authorization', as(client)).send({ amount: '1000.00', paymentMethod: SUCCESS }).expect(201);

    // Week 1: order A accepted on Wednesday 8 January with a tip of 15.00.
    const a = await acceptedOrder(t, { client, workers: [worker], serviceTypeId }, new Date('2031-01-08T10:00:00Z'), { tip: '15.00' });
    expect(a.accepted.status, JSON.stringify(a.accepted.body)).toBe(200);
    const upcoming = (await t.api.get('/v1/invoices/upcoming').set('authorization', as(client)).expect(200)).body;
    expect(upcoming).toMatchObject({ subtotal: '100.00', discountRate: 6, discount: '6.00', tips: '15.00', total: '109.00' });
    expect(kinds(upcoming.lines)).toEqual([
      ['order', '100.00'],
      ['tip', '15.00'],
    ]);

    // Sunday 12 January 23:00 Paris: the invoice, the tip its own line, after the discount.
    await advanceTo('2031-01-13T08:00:00Z');
    await settle(t);
    const [first] = await invoices();
    expect(first).toMatchObject({
      periodEnd: '2031-01-12T22:00:00.000Z',
      subtotal: '100.00',
      paidBefore: '20000.01',
      discountRate: 6,
      discount: '6.00',
      tips: '15.00',
      total: '109.00',
      status: 'paid',
    });
    expect(first.lines).toEqual([
      expect.objectContaining({ kind: 'order', orderId: a.orderId, tipId: null, price: '100.00' }),
      expect.objectContaining({ kind: 'tip', orderId: a.orderId, tipId: expect.any(String), price: '15.00' }),
    ]);
    // The ledger: the client paid 109.00; 94.00 is the platform's, 15.00 waits in `tips` for the worker.
    expect(await ledger('client', client.id)).toBe(String(100000 - 10900));
    expect(await ledger('platform_revenue')).toBe('9400');
    expect(await ledger('tips')).toBe('1500');
    // The email, as the client's mailbox got it: one order, the tip named apart.
    const issued = smtp.received.filter((m) => m.to.includes(client.email) && m.subject === 'Your Chorecat invoice: 109.00 cat-units');
    expect(issued).toHaveLength(1);
    expect(mailText(issued[0]!.raw)).toMatch(/1 order, subtotal 100\.00, 6 % discount .*6\.00, tips for your workers \+15\.00 \(1 tip/);
    // The event carries the invoice as the API returns it, tip line included.
    const events = (await t.api.get('/v1/events?types=invoice.issued').set('authorization', as(client)).expect(200)).body.data;
    expect(events.find((e: { data: { id: string } }) => e.data.id === first.id).data).toEqual(first);

    // Week 2: a second tip on A on Tuesday 14 January (its week is closed: the next invoice), and order B with no tip.
    t.clock.moveTo(new Date('2031-01-14T09:00:00Z'));
    const late = await t.api.post(`/v1/orders/${a.orderId}/tip`).set('authorization', as(client)).send({ amount: '10.00' });
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    const b = await acceptedOrder(t, { client, workers: [worker], serviceTypeId }, new Date('2031-01-16T10:00:00Z'));
    // Sunday 19 January, 22:30 Paris: a tip on B, which billing hears of only after the Sunday run closed the week.
    t.clock.moveTo(new Date('2031-01-19T21:30:00Z'));
    const beforeClose = await t.api.post(`/v1/orders/${b.orderId}/tip`).set('authorization', as(client)).send({ amount: '5.55' });
    expect(beforeClose.status).toBe(201);
    const run = await t.platform.kernel.scheduler.runJob('billing.weekly-invoices', new Date('2031-01-19T22:00:00Z'), 'cli');
    expect(run.outcome).toBe('succeeded');
    await settle(t);
    const [, second] = await invoices();
    expect(second).toMatchObject({
      periodEnd: '2031-01-19T22:00:00.000Z',
      subtotal: '100.00',
      // What was paid before leaves tips out: 20,000.01 + 94.00.
      paidBefore: '20094.01',
      discountRate: 6,
      discount: '6.00',
      tips: '10.00',
      total: '104.00',
    });
    expect(kinds(second.lines)).toEqual([
      ['order', '100.00'],
      ['tip', '10.00'],
    ]);
    // The first invoice is as it was.
    expect((await t.api.get(`/v1/invoices/${first.id}`).set('authorization', as(client)).expect(200)).body).toEqual(first);
    // B's tip waits for the next week: an invoice of one tip, no discount on it.
    await advanceTo('2031-01-27T08:00:00Z');
    await settle(t);
    const [, , third] = await invoices();
    expect(third).toMatchObject({ subtotal: '0.00', discountRate: 6, discount: '0.00', tips: '5.55', total: '5.55', status: 'paid' });
    expect(kinds(third.lines)).toEqual([['tip', '5.55']]);
    expect(await ledger('tips')).toBe('3055');

    // 31 January 23:00 Paris: the worker's statement, 60 % of each order and every tip in full, each its own line.
    await advanceTo('2031-02-01T08:00:00Z');
    await settle(t);
    const statements = (await t.api.get('/v1/statements').set('authorization', as(worker)).expect(200)).body.data;
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    expect(statement).toMatchObject({ earned: '120.00', fines: '0.00', rewards: '0.00', tips: '30.55', net: '150.55', status: 'payable' });
    // The running figures agree with the statement: every tip of the month, in full, in the net (Paris's January).
    const earnings = await t.api
      .get('/v1/earnings')
      .query({ from: '2030-12-31T23:00:00Z', to: '2031-01-31T23:00:00Z' })
      .set('authorization', as(worker));
    expect(earnings.status, JSON.stringify(earnings.body)).toBe(200);
    expect(earnings.body).toMatchObject({ completedOrders: 2, earned: '120.00', tips: '30.55', net: '150.55' });
    // Before the last tip (Sunday 19 January, 22:30 Paris) only A's two.
    const earlier = await t.api
      .get('/v1/earnings')
      .query({ from: '2030-12-31T23:00:00Z', to: '2031-01-19T21:30:00Z' })
      .set('authorization', as(worker));
    expect(earlier.status, JSON.stringify(earlier.body)).toBe(200);
    expect(earlier.body).toMatchObject({ earned: '120.00', tips: '25.00', net: '145.00' });
    expect(
      statement.lines
        .map((l: Line) => [l.kind, l.orderId === a.orderId ? 'A' : 'B', l.amount])
        .sort((x: string[], y: string[]) => x.join().localeCompare(y.join())),
    ).toEqual([
      ['earning', 'A', '60.00'],
      ['earning', 'B', '60.00'],
      ['tip', 'A', '10.00'],
      ['tip', 'A', '15.00'],
      ['tip', 'B', '5.55'],
    ]);
    // The tip lines are the invoices' tip lines, one for one.
    const invoiceTipIds = [first, second, third].flatMap((i) => i.lines.filter((l: Line) => l.kind === 'tip').map((l: Line) => l.tipId));
    expect(
      statement.lines
        .filter((l: Line) => l.kind === 'tip')
        .map((l: Line) => l.tipId)
        .sort(),
    ).toEqual(invoiceTipIds.sort());
    // The ledger: `tips` got what clients paid and gave all of it to the worker; every transaction balances.
    expect(await ledger('tips')).toBe('0');
    expect(await ledger('worker', worker.id)).toBe('15055');
    const reconcile = await t.platform.kernel.scheduler.runJob('billing.reconcile', t.clock.now(), 'cli');
    expect(reconcile.outcome).toBe('succeeded');
    expect(await sql(t.db, 'SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING sum(amount_cents) <> 0')).toEqual([]);
    // The worker's statement email names the tips; the statement event carries them.
    const stated = smtp.received.filter((m) => m.to.includes(worker.email) && m.subject === 'Your Chorecat statement: 150.55 cat-units');
    expect(stated).toHaveLength(1);
    expect(mailText(stated[0]!.raw)).toContain("clients' tips 30.55 (all yours)");
    const statementEvents = (await t.api.get('/v1/events?types=statement.issued').set('authorization', as(worker)).expect(200)).body.data;
    expect(statementEvents.map((e: { data: { id: string; tips: string } }) => [e.data.id, e.data.tips])).toEqual([[statement.id, '30.55']]);

    // Exactly once: the jobs again, and billing hearing of every tip again, change nothing.
    const snapshot = async () => ({
      invoices: await sql(t.db, 'SELECT id, total_cents, tips_cents FROM invoices WHERE client_id = $1 ORDER BY period_end', [client.id]),
      tipLines: await sql(t.db, 'SELECT tip_id, invoice_id FROM invoice_tip_lines ORDER BY tip_id'),
      statementLines: await sql(t.db, "SELECT tip_id, statement_id FROM statement_lines WHERE kind = 'tip' ORDER BY tip_id"),
      entries: await sql(t.db, 'SELECT count(*)::int AS n, sum(abs(amount_cents))::text AS moved FROM ledger_entries'),
    });
    const before = await snapshot();
    expect(before.tipLines).toHaveLength(3);
    expect(before.statementLines).toHaveLength(3);
    for (const asOf of ['2031-01-12T22:00:00Z', '2031-01-19T22:30:00Z', '2031-01-26T23:00:00Z']) {
      expect((await t.platform.kernel.scheduler.runJob('billing.weekly-invoices', new Date(asOf), 'cli')).outcome).toBe('succeeded');
    }
    expect((await t.platform.kernel.scheduler.runJob('billing.monthly-statements', new Date('2031-01-31T22:30:00Z'), 'cli')).outcome).toBe(
      'succeeded',
    );
    const tips = await sql<{ id: string; order_id: string; client_id: string; amount_cents: string; created_at: Date }>(
      t.db,
      'SELECT id, order_id, client_id, amount_cents, created_at FROM order_tips',
    );
    for (const tip of tips) {
      await recordBillableTip(
        t.db,
        {
          tipId: tip.id,
          orderId: tip.order_id,
          clientId: tip.client_id,
          workerId: worker.id,
          amountCents: BigInt(tip.amount_cents),
          tippedAt: tip.created_at,
        },
        (closed) => periodOfCompletion('Europe/Paris', t.clock.now(), closed),
      );
    }
    await settle(t);
    expect(await snapshot()).toEqual(before);

    // The panel: the invoice's and the statement's show pages list the tips, each its own line, and their totals.
    const staff = await t.userWithRoles(['manager']);
    const panel = await signedInPanel(t, staff.email);
    const shownInvoice = (await panel.get(`/admin/api/resources/invoices/records/${first.id}/show`).expect(200)).body.record.params;
    expect(String(shownInvoice.tips)).toContain('15.00');
    expect(JSON.parse(shownInvoice.lines).map((l: Record<string, string>) => [l.Kind, l.Price])).toEqual([
      ['order', expect.stringContaining('100.00')],
      ['tip', expect.stringContaining('15.00')],
    ]);
    const shownStatement = (await panel.get(`/admin/api/resources/statements/records/${statement.id}/show`).expect(200)).body.record.params;
    expect(String(shownStatement.tips)).toContain('30.55');
    const tipLines = JSON.parse(shownStatement.lines).filter((l: Record<string, string>) => l.Kind === 'tip');
    expect(tipLines.map((l: Record<string, string>) => l.For)).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^tip .+ on order ${b.orderId}$`))]),
    );
    expect(tipLines).toHaveLength(3);
    // A month of a client's and a worker's life in one test: generous on a busy machine.
  }, 180_000);
});
