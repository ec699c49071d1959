import { expect } from 'vitest';
import { sql } from '../../src/platform/database.ts';
import type { TestPlatform } from './platform.ts';

/** Delivers every due outbox message (emails and domain events), including those the deliveries themselves enqueue. */
export async function settle(t: TestPlatform): Promise<void> {
  for (let round = 0; round < 50; round++) {
    const { sent, failed } = await t.platform.kernel.outbox.dispatch();
    if (sent === 0 && failed === 0) return;
  }
  throw new Error('the outbox did not settle in 50 rounds');
}

export interface KitRowForTests {
  id: string;
  status: string;
  cookie_status: string;
  cookie_supplier_order_id: string | null;
  cookie_attempts: number;
  cookie_last_error: string | null;
}

export async function kitOfOrder(t: TestPlatform, orderId: string): Promise<KitRowForTests | undefined> {
  const [kit] = await sql<KitRowForTests>(
    t.db,
    'SELECT id, status, cookie_status, cookie_supplier_order_id, cookie_attempts, cookie_last_error FROM kits WHERE order_id = $1',
    [orderId],
  );
  return kit;
}

const staffTokens = new WeakMap<TestPlatform, Promise<string>>();
function suppliesToken(t: TestPlatform): Promise<string> {
  let token = staffTokens.get(t);
  if (!token) {
    token = t.userWithRoles(['supplies']).then((u) => u.token);
    staffTokens.set(t, token);
  }
  return token;
}

/**
 * Takes just-created orders the real way to `matching` and beyond: their
 * kits are opened and the cookies ordered (events), the supplier stand-in
 * delivers each through the signed callback over real HTTP, supplies staff
 * pack each kit and mark it ready through the API, and (unless `match` is
 * false) matching runs (events again). Returns each order's status
 * afterwards (`scheduled` when a worker was free).
 */
export async function bringKitsReady(t: TestPlatform, orderIds: string[], options: { match?: boolean } = {}): Promise<string[]> {
  await t.listen();
  await settle(t);
  const token = await suppliesToken(t);
  for (const orderId of orderIds) {
    const kit = await kitOfOrder(t, orderId);
    expect(kit?.cookie_status, `the cookie of order ${orderId}`).toBe('ordered');
    expect(await t.supplier.deliver(kit!.cookie_supplier_order_id!)).toBe(200);
    const packed = await t.api.post(`/v1/kits/${kit!.id}/pack`).set('authorization', `Bearer ${token}`).send({});
    expect(packed.status, JSON.stringify(packed.body)).toBe(200);
    const ready = await t.api.post(`/v1/kits/${kit!.id}/ready`).set('authorization', `Bearer ${token}`);
    expect(ready.status, JSON.stringify(ready.body)).toBe(200);
  }
  if (options.match !== false) await settle(t);
  const rows = await sql<{ id: string; status: string }>(t.db, 'SELECT id, status FROM orders WHERE id = ANY($1::uuid[])', [orderIds]);
  return orderIds.map((id) => rows.find((r) => r.id === id)!.status);
}

export async function bringKitReady(t: TestPlatform, orderId: string): Promise<string> {
  return (await bringKitsReady(t, [orderId]))[0]!;
}
