import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { ChorecatApiError, createChorecat, type ChorecatClient } from '@chorecat/sdk';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { OrderDriver } from '../helpers/order-driver.ts';

/**
 * Sequential offers (issue #19) as a partner's worker app sees them through
 * the SDK on a running server: the offer listed, a decline, the next
 * worker's accept, and the refusals as typed errors with their codes.
 */
describe('offers through the SDK', () => {
  let t: TestPlatform;
  let d: OrderDriver;
  let workers: ChorecatClient[];

  beforeAll(async () => {
    t = await createTestPlatform({
      env: { REVIEW_SAMPLE_PERCENT: '0', MATCHING_STRATEGY: 'offers', MATCHING_OFFER_SECONDS: '45' },
      startsAt: new Date('2032-03-02T09:00:00Z'),
    });
    d = new OrderDriver(t);
    await d.setUp();
    const baseUrl = await t.listen();
    workers = d.workers.map((w) => createChorecat({ baseUrl, token: w.token }));
  });
  afterAll(() => t?.close());

  it('lists the pending offer, declines it, and the next worker accepts it; a second answer is a typed 409', async () => {
    const orderId = await d.createOrder(new Date('2032-03-05T10:00:00Z'));
    await d.bringKitReady(orderId);
    const pending = await Promise.all(workers.map((w) => w.offers.list.orThrow({ status: 'pending' })));
    const firstAt = pending.findIndex((p) => p.data.length === 1);
    expect(firstAt).toBeGreaterThanOrEqual(0);
    const offer = pending[firstAt]!.data[0]!;
    expect(offer).toMatchObject({ orderId, status: 'pending' });
    expect(Date.parse(offer.expiresAt) - Date.parse(offer.offeredAt)).toBe(45_000);
    const first = workers[firstAt]!;
    const other = workers[1 - firstAt]!;
    expect((await other.offers.list.orThrow({ status: 'pending' })).data).toEqual([]);

    expect(await first.offers.decline.orThrow(offer.id)).toMatchObject({ id: offer.id, status: 'declined' });
    const again = await first.offers.accept(offer.id);
    expect(again.error).toBeDefined();
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({ code: 'MATCHING.OFFER_ANSWERED' });

    const [next] = (await other.offers.list.orThrow({ status: 'pending' })).data;
    expect(next).toMatchObject({ orderId, status: 'pending' });
    expect(await other.offers.accept.orThrow(next!.id)).toMatchObject({ id: next!.id, status: 'accepted' });
    expect((await d.order(orderId)).status).toBe('scheduled');
    // orThrow raises the refusal as a ChorecatApiError carrying the problem's code.
    const refused = await other.offers.accept.orThrow(next!.id).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ChorecatApiError);
    expect(refused).toMatchObject({ status: 409, code: 'MATCHING.OFFER_ANSWERED' });
    // Another worker's offer does not exist for it.
    const theirs = await first.offers.accept(next!.id);
    expect([theirs.response.status, theirs.error?.code]).toEqual([404, 'NOT_FOUND']);
  });
});
