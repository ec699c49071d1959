import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ChorecatApiError, ChorecatError, createChorecat, login, money, toCents, type ChorecatClient } from '@chorecat/sdk';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { PNG_1x1 } from '../helpers/images.ts';

/** The SDK's resource methods (chorecat.orders.create …), generated from the contract, against a running server. */
describe('SDK resource methods against a running server', () => {
  let t: TestPlatform;
  let baseUrl: string;
  let client: ChorecatClient;
  let manager: ChorecatClient;
  let serviceTypeId: string;
  const orderRequests: string[] = [];
  const orderIds: string[] = [];

  beforeAll(async () => {
    t = await createTestPlatform();
    const clientUser = await t.userWithRoles(['client']);
    const managerUser = await t.userWithRoles(['manager']);
    baseUrl = await t.listen();
    // Counts the list requests, to see iteration fetch each page once and toArray stop early.
    const countingFetch: typeof fetch = (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      if (request.method === 'GET' && url.pathname === '/v1/orders') orderRequests.push(url.search);
      return fetch(request);
    };
    client = (await login({ baseUrl, fetch: countingFetch }, { email: clientUser.email, password: 'test-password' })).client;
    manager = (await login({ baseUrl }, { email: managerUser.email, password: 'test-password' })).client;
    const type = await manager.serviceTypes.create.orThrow({
      name: 'Sofa guarding',
      description: '',
      durationMinutes: 60,
      active: true,
    });
    serviceTypeId = type.id;
  });
  afterAll(() => t.close());

  it('creates orders with an idempotency key (a retry replays the first answer)', async () => {
    for (let i = 0; i < 5; i++) {
      const startsAt = new Date(t.clock.now().getTime() + (i + 3) * 60 * 60_000).toISOString();
      const body = { serviceTypeId, startsAt, address: `${i + 1} Cushion Lane` };
      const key = `sdk-resources-order-${i}-${randomUUID()}`;
      const { data, error, response } = await client.orders.create(body, { idempotencyKey: key });
      expect(error).toBeUndefined();
      expect(response.status).toBe(201);
      expect(data).toMatchObject({ status: 'created', address: `${i + 1} Cushion Lane` });
      orderIds.push(data!.id);
      if (i === 0) {
        const retry = await client.orders.create(body, { idempotencyKey: key });
        expect(retry.response.headers.get('idempotent-replayed')).toBe('true');
        expect(retry.data?.id).toBe(data!.id);
      }
    }
  });

  it('awaits a list for its first page, and iterates every page with for await', async () => {
    const first = await client.orders.list({ limit: 2 });
    expect(first.data?.data).toHaveLength(2);
    expect(typeof first.data?.nextCursor).toBe('string');

    orderRequests.length = 0;
    const seen: string[] = [];
    for await (const order of client.orders.list({ status: 'created', limit: 2 })) seen.push(order.id);
    expect(seen).toEqual(orderIds); // sorted by start, as created
    expect(orderRequests).toHaveLength(3); // 2 + 2 + 1, the last page's nextCursor null ends it
    expect(orderRequests.slice(1).every((q) => q.includes('cursor='))).toBe(true);

    orderRequests.length = 0;
    const three = await client.orders.list({ limit: 2 }).toArray({ limit: 3 });
    expect(three.map((o) => o.id)).toEqual(orderIds.slice(0, 3));
    expect(orderRequests).toHaveLength(2); // stops once it has 3

    // The last page's null cursor can be passed back as is.
    expect((await client.orders.list({ cursor: null })).data?.data).toHaveLength(5);
  });

  it('ends the event feed, whose cursor never turns null, at the caught-up empty page', async () => {
    const events = await manager.events.list({ types: ['order.created'], limit: 2 }).toArray();
    expect(events.filter((e) => orderIds.includes((e.data as { id: string }).id))).toHaveLength(5);
  });

  it('cancels, answers a refusal with its code, and throws it with orThrow', async () => {
    const id = orderIds[4]!;
    const cancelled = await client.orders.cancel(id, { reason: 'the cat changed its mind' });
    expect(cancelled.data?.status).toBe('cancelled');

    const again = await client.orders.cancel(id);
    expect(again.response.status).toBe(409);
    expect(again.data).toBeUndefined();
    expect(again.error?.code).toBe('ORDERS.ILLEGAL_TRANSITION');
    const thrown = await client.orders.cancel.orThrow(id).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ChorecatApiError);
    expect(thrown).toBeInstanceOf(ChorecatError);
    expect(thrown).toMatchObject({
      name: 'ChorecatApiError',
      status: 409,
      code: 'ORDERS.ILLEGAL_TRANSITION',
    });

    const missing = await client.orders.get(randomUUID());
    expect(missing.error).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect((await client.orders.get.orThrow(orderIds[0]!)).id).toBe(orderIds[0]);
  });

  it('throws a ChorecatError when a page fails during iteration', async () => {
    const iterate = async () => {
      for await (const order of client.orders.list({ cursor: 'not-a-cursor' })) void order;
    };
    await expect(iterate()).rejects.toBeInstanceOf(ChorecatError);
    await expect(iterate()).rejects.toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    const anonymous = createChorecat({ baseUrl });
    await expect(anonymous.orders.list().toArray()).rejects.toMatchObject({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
  });

  it('sends Money, multipart uploads and the sandbox clock through the same methods', async () => {
    const topUp = await client.topUps.create.orThrow({ amount: money('25.00'), paymentMethod: '4242424242424242' });
    expect(toCents(topUp.amount)).toBe(2500n);
    const balance = await client.balance.get.orThrow();
    expect(toCents(balance.balance)).toBeGreaterThanOrEqual(2500n);

    const form = new FormData();
    form.append('file', new Blob([PNG_1x1], { type: 'image/png' }), 'photo.png');
    const file = await client.files.upload.orThrow(form);
    expect(file).toMatchObject({ contentType: 'image/png' });
    const bytes = await client.files.get.orThrow(file.id);
    expect(bytes).toBeInstanceOf(Blob);
    expect(Buffer.from(await bytes.arrayBuffer()).equals(PNG_1x1)).toBe(true);

    const before = await manager.sandbox.getClock.orThrow();
    const advanced = await manager.sandbox.advance.orThrow({ advanceBy: 'PT1H' });
    expect(Date.parse(advanced.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(3_600_000);
    expect((await manager.operations.getHealth()).data?.status).toBe('ok');
  });
});
