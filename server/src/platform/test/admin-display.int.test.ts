import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type supertest from 'supertest';
import { sql } from '../database.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';
import { signedInPanel, testPanel } from '../../../test/helpers/panel.ts';
import { kitOfOrder, settle } from '../../../test/helpers/orders.ts';

// The payment provider stand-in's card that always succeeds.
const TOP_UP_SUCCEEDS = '4242424242424242';

interface RecordJSON {
  id: string;
  params: Record<string, unknown>;
  populated: Record<string, { title: string } | null>;
}

/**
 * How the panel shows records: people by name and email (workers by code),
 * never a bare id; money with its unit; a discount as a percentage; and the
 * orders list's text search by client, address or id.
 */
describe('what the admin panel shows', () => {
  let t: TestPlatform;
  let panel: supertest.Agent;
  let manager: { id: string; email: string; token: string };
  let client: { id: string; email: string };
  let worker: { id: string; email: string };
  let orderId: string;

  beforeAll(async () => {
    t = await createTestPlatform({
      mountBeforeApi: testPanel(),
    });
    manager = await t.userWithRoles(['manager']);
    client = await t.userWithRoles(['client'], `whiskers-${Date.now()}@chorecat.test`);
    worker = await t.userWithRoles(['worker']);
    await sql(t.db, "UPDATE users SET name = 'Whiskers Mayfair' WHERE id = $1", [client.id]);
    await sql(
      t.db,
      "INSERT INTO worker_profiles (user_id, worker_code, name, breed, age, skills, hired_at) VALUES ($1, 'CLW-SIA-2031-9002', 'Tom', 'Siamese', 3, '{claws}', now())",
      [worker.id],
    );
    const serviceTypeId = (
      await t.api
        .post('/v1/service-types')
        .set('authorization', `Bearer ${manager.token}`)
        .send({ name: 'Perch', description: '', durationMinutes: 60 })
    ).body.id;
    const clientToken = (await t.platform.kernel.tokens.issueAccessToken({ id: client.id, roles: ['client'] })).token;
    const order = await t.api
      .post('/v1/orders')
      .set('authorization', `Bearer ${clientToken}`)
      .send({ serviceTypeId, startsAt: new Date(t.clock.now().getTime() + 30 * 3600_000).toISOString(), address: '7 Display Lane' });
    expect(order.status).toBe(201);
    orderId = order.body.id;
    // Who works it and for how much is matching's business; here only how the panel shows them.
    await sql(t.db, 'UPDATE orders SET worker_id = $2, price_cents = 10000 WHERE id = $1', [orderId, worker.id]);
    panel = await signedInPanel(t, manager.email);
  });
  afterAll(() => t.close());

  const list = async (query: string): Promise<RecordJSON[]> => {
    const res = await panel.get(`/admin/api/resources/orders/actions/list?${query}`);
    expect(res.status, query).toBe(200);
    return res.body.records;
  };

  it('names the client by name and email and the worker by code, and writes money with its unit', async () => {
    const [row] = (await list('perPage=100')).filter((r) => r.id === orderId);
    expect(row!.populated.clientId!.title).toBe(`Whiskers Mayfair <${client.email}>`);
    expect(row!.populated.workerId!.title).toBe('CLW-SIA-2031-9002 · Test worker');
    expect(row!.params.price).toBe('100.00 cat-units');
    const shown = (await panel.get(`/admin/api/resources/orders/records/${orderId}/show`)).body.record as RecordJSON;
    expect(shown.populated.clientId!.title).toBe(`Whiskers Mayfair <${client.email}>`);
    // The audit log's actor, too (the service type was created by the manager).
    const audit = (await panel.get('/admin/api/resources/audit_log/actions/list?perPage=100')).body.records as RecordJSON[];
    const byManager = audit.find((r) => r.params.actorId === manager.id);
    expect(byManager?.populated.actorId?.title).toBe(`Test manager <${manager.email}>`);
    // Its show page has what changed, field by field (a creation: nothing before).
    const entry = (await panel.get(`/admin/api/resources/audit_log/records/${byManager!.id}/show`)).body.record as RecordJSON;
    expect(String(entry.params.changes).split('\n')).toContain('name: — → "Perch"');
  });

  it('shows an invoice discount as a percentage, its amounts with the unit, and its lines', async () => {
    // The order, completed in the invoice's period, is its one line.
    await sql(
      t.db,
      "INSERT INTO billable_orders (order_id, client_id, price_cents, completed_at, period_end) VALUES ($1, $2, 10000, '2026-11-20T10:00:00Z', '2026-12-01T00:00:00Z')",
      [orderId, client.id],
    );
    const [invoice] = await sql<{ id: string }>(
      t.db,
      `INSERT INTO invoices (id, client_id, period_start, period_end, subtotal_cents, paid_before_cents, discount_rate, discount_cents, total_cents, status, issued_at)
       VALUES (gen_random_uuid(), $1, '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', 20000, 0, 5, 1000, 19000, 'unpaid', now()) RETURNING id`,
      [client.id],
    );
    const shown = (await panel.get(`/admin/api/resources/invoices/records/${invoice!.id}/show`)).body.record as RecordJSON;
    expect([shown.params.discountPercent, shown.params.discount, shown.params.total]).toEqual([
      '5 %',
      '10.00 cat-units',
      '190.00 cat-units',
    ]);
    expect(shown.populated.clientId!.title).toBe(`Whiskers Mayfair <${client.email}>`);
    expect(JSON.parse(String(shown.params.lines))).toEqual([
      { Kind: 'order', Order: orderId, Completed: '2026-11-20T10:00:00.000Z', Price: '100.00 cat-units' },
    ]);
  });

  it("finds orders by the client's name or email, the address or the id's beginning, with the other filters", async () => {
    const found = async (text: string, more = '') => (await list(`filters.search=${encodeURIComponent(text)}${more}`)).map((r) => r.id);
    expect(await found('whiskers may')).toEqual([orderId]);
    expect(await found(client.email.slice(0, 12))).toEqual([orderId]);
    expect(await found('display lane')).toEqual([orderId]);
    expect(await found(orderId.slice(0, 8))).toEqual([orderId]);
    expect(await found('display lane', '&filters.status=cancelled')).toEqual([]);
    expect(await found('nobody at all')).toEqual([]);
    // LIKE's wildcards are the text, not patterns.
    expect(await found('%')).toEqual([]);
    const sorted = await panel.get('/admin/api/resources/orders/actions/list?sortBy=search');
    expect(sorted.status).toBe(400);
  });

  it("names a ledger entry's account by kind and owner", async () => {
    const clientToken = (await t.platform.kernel.tokens.issueAccessToken({ id: client.id, roles: ['client'] })).token;
    await t.api
      .post('/v1/top-ups')
      .set('authorization', `Bearer ${clientToken}`)
      .send({ amount: '50.00', paymentMethod: TOP_UP_SUCCEEDS })
      .expect(201);
    const entries = (await panel.get('/admin/api/resources/ledger_entries/actions/list?perPage=100')).body.records as RecordJSON[];
    const titles = entries.map((e) => [e.populated.accountId?.title, e.params.amount]);
    expect(titles).toContainEqual([`client · Whiskers Mayfair <${client.email}>`, '50.00 cat-units']);
    expect(entries.every((e) => e.populated.accountId?.title !== e.params.accountId)).toBe(true);
  });

  // Last: it moves the platform's time.
  it("dates a cookie's delivery by the platform's clock, not the wall clock", async () => {
    await t.listen();
    await settle(t);
    const kit = (await kitOfOrder(t, orderId))!;
    expect(kit.cookie_status).toBe('ordered');
    t.clock.moveTo(new Date(Date.now() + 3 * 86400_000));
    const before = t.clock.now().getTime();
    expect(await t.supplier.deliver(kit.cookie_supplier_order_id!)).toBe(200);
    const shown = (await panel.get(`/admin/api/resources/kits/records/${kit.id}/show`)).body.record as RecordJSON;
    const deliveredAt = new Date(String(shown.params.cookieDeliveredAt)).getTime();
    expect(deliveredAt).toBeGreaterThanOrEqual(before);
    expect(deliveredAt).toBeLessThanOrEqual(t.clock.now().getTime());
  });
});
