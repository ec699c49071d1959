import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  login,
  unwrap,
  waitFor,
  ChorecatTimeoutError,
  ChorecatUnreachableStatusError,
  type ChorecatClient,
  type Schemas,
} from '@chorecat/sdk';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { settle } from '../helpers/orders.ts';

/** `waitFor` against a running server: the event feed tells it when the order moved. */
describe('waitFor through the SDK', () => {
  let t: TestPlatform;
  let baseUrl: string;
  let client: ChorecatClient;
  let supplies: ChorecatClient;
  let typeId: string;
  const calls: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    calls.push(new URL(request.url).pathname);
    return fetch(input, init);
  };

  beforeAll(async () => {
    t = await createTestPlatform();
    const clientUser = await t.userWithRoles(['client']);
    const suppliesUser = await t.userWithRoles(['supplies']);
    await t.userWithRoles(['worker']);
    const manager = await t.userWithRoles(['manager']);
    await t.api
      .post('/v1/service-types')
      .set('authorization', `Bearer ${manager.token}`)
      .send({ name: 'Sunbeam check', description: '', durationMinutes: 60 });
    baseUrl = await t.listen();
    client = (await login({ baseUrl, fetch: countingFetch }, { email: clientUser.email, password: 'test-password' })).client;
    supplies = (await login({ baseUrl }, { email: suppliesUser.email, password: 'test-password' })).client;
    typeId = unwrap(await client.GET('/v1/service-types')).data.find((s) => s.name === 'Sunbeam check')!.id;
  });
  afterAll(() => t.close());

  let orders = 0;
  const newOrder = async () => {
    // A day apart, so the one worker is free for each.
    const startsAt = new Date(t.clock.now().getTime() + (5 + 24 * orders++) * 60 * 60_000).toISOString();
    const order = unwrap(
      await client.POST('/v1/orders', { body: { serviceTypeId: typeId, startsAt, address: '3 Ledge Road', description: '' } }),
    );
    await settle(t);
    return order;
  };
  const makeKitReady = async (order: Schemas['Order']) => {
    const kit = unwrap(await supplies.GET('/v1/kits', { params: { query: { status: 'open', limit: 100 } } })).data.find(
      (k) => k.orderId === order.id,
    )!;
    await t.supplier.deliver(kit.cookie.supplierOrderId!);
    unwrap(await supplies.POST('/v1/kits/{id}/pack', { params: { path: { id: kit.id } }, body: {} }));
    unwrap(await supplies.POST('/v1/kits/{id}/ready', { params: { path: { id: kit.id } } }));
    await settle(t);
  };

  it('resolves with the order once it is scheduled, told by the event feed', async () => {
    const order = await newOrder();
    calls.length = 0;
    const waiting = waitFor(client, order, 'scheduled', { timeoutMs: 20_000, pollIntervalMs: 20 });
    await expect.poll(() => calls.filter((c) => c === '/v1/events').length, { timeout: 15_000 }).toBeGreaterThan(2);
    await makeKitReady(order);
    const scheduled = await waiting;
    expect(scheduled).toMatchObject({ id: order.id, status: 'scheduled', price: expect.any(String) });
    // The feed was asked again and again; the order itself once at the start and once after its event.
    expect(calls.filter((c) => c === '/v1/events').length).toBeGreaterThan(3);
    expect(calls.filter((c) => c === `/v1/orders/${order.id}`)).toHaveLength(2);
    // Already there: resolves at once.
    expect((await waitFor(client, order.id, 'scheduled', { timeoutMs: 5_000 })).status).toBe('scheduled');
  });

  it('rejects with ChorecatUnreachableStatusError when the order ends another way', async () => {
    const order = await newOrder();
    const waiting = waitFor(client, order.id, 'scheduled', { timeoutMs: 20_000, pollIntervalMs: 20 }).catch((e: unknown) => e);
    unwrap(await client.POST('/v1/orders/{id}/cancel', { params: { path: { id: order.id } }, body: {} }));
    await settle(t);
    const error = await waiting;
    expect(error).toBeInstanceOf(ChorecatUnreachableStatusError);
    expect(error).toMatchObject({ code: 'UNREACHABLE_STATUS', wanted: 'scheduled', order: { id: order.id, status: 'cancelled' } });
  });

  it('rejects with ChorecatTimeoutError when nothing happens in time, and stops at the signal', async () => {
    const order = await newOrder();
    const late = await waitFor(client, order, 'scheduled', { timeoutMs: 300, pollIntervalMs: 20 }).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(ChorecatTimeoutError);
    expect(late).toMatchObject({ code: 'TIMEOUT', timeoutMs: 300 });

    const controller = new AbortController();
    const waiting = waitFor(client, order, 'scheduled', { signal: controller.signal, pollIntervalMs: 20 }).catch((e: unknown) => e);
    controller.abort(new Error('screen closed'));
    expect(await waiting).toMatchObject({ message: 'screen closed' });
  });

  it('reads the order itself when the feed refuses it (an unknown cursor)', async () => {
    const order = await newOrder();
    calls.length = 0;
    const waiting = waitFor(client, order, 'scheduled', { timeoutMs: 20_000, pollIntervalMs: 20, after: randomUUID() });
    await expect.poll(() => calls.filter((c) => c === `/v1/orders/${order.id}`).length, { timeout: 15_000 }).toBeGreaterThan(2);
    await makeKitReady(order);
    expect((await waiting).status).toBe('scheduled');
    expect(calls.filter((c) => c === '/v1/events')).toHaveLength(1);
  });
});
