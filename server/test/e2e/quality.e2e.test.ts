import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { ChorecatError, login, unwrap } from '@chorecat/sdk';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { settle } from '../helpers/orders.ts';
import { seedDemoReviewForms } from '../../src/modules/quality/application/seed-demo-forms.ts';
import { reviewOldestOpen } from '../../../examples/review-queue.ts';

/** A manager works the review queue through the SDK, as an operations tool would. */
describe('quality reviews through the SDK', () => {
  let t: TestPlatform;
  let baseUrl: string;
  let clientUser: { email: string };
  let managerUser: { id: string; email: string; token: string };
  let serviceTypeId = '';

  beforeAll(async () => {
    t = await createTestPlatform();
    clientUser = await t.userWithRoles(['client']);
    managerUser = await t.userWithRoles(['manager']);
    const created = await t.api
      .post('/v1/service-types')
      .set('authorization', `Bearer ${managerUser.token}`)
      .send({ name: 'Sofa de-furring', description: '', durationMinutes: 90 });
    serviceTypeId = created.body.id;
    // The default form of a result that names none: the oldest, as in development.
    await seedDemoReviewForms(t.platform.kernel);
    baseUrl = await t.listen();
  });
  afterAll(() => t.close());

  it('defines a form, finds a cancelled order in the queue, reviews it, and cannot review it twice', async () => {
    const client = (await login({ baseUrl }, { email: clientUser.email, password: 'test-password' })).client;
    const manager = (await login({ baseUrl }, { email: managerUser.email, password: 'test-password' })).client;
    const startsAt = new Date(t.clock.now().getTime() + 2 * 24 * 60 * 60_000).toISOString();
    const order = unwrap(await client.POST('/v1/orders', { body: { serviceTypeId, startsAt, address: '3 Cushion Row', description: '' } }));
    unwrap(await client.POST('/v1/orders/{id}/cancel', { params: { path: { id: order.id } }, body: { reason: 'Changed my mind' } }));
    await settle(t);

    const form = unwrap(
      await manager.POST('/v1/review-forms', {
        body: {
          name: 'Cancellation call',
          fields: [
            { key: 'why', label: 'Why did the client cancel', type: 'choice', required: true, options: ['price', 'timing', 'other'] },
            { key: 'wouldRebook', label: 'Would the client book again', type: 'yesno', required: false },
          ],
        },
      }),
    );
    expect(form).toMatchObject({ name: 'Cancellation call', version: 1 });
    const queue = unwrap(await manager.GET('/v1/reviews', { params: { query: { status: 'open', reason: 'cancelled' } } }));
    const review = queue.data.find((r) => r.orderId === order.id)!;
    expect(review).toMatchObject({ reason: 'cancelled', status: 'open', verdict: null });
    const view = unwrap(await manager.GET('/v1/reviews/{id}', { params: { path: { id: review.id } } }));
    expect(view.order.status).toBe('cancelled');
    expect(view.timeline.at(-1)).toMatchObject({ event: 'cancel', reason: 'Changed my mind' });

    const done = unwrap(
      await manager.POST('/v1/reviews/{id}/result', {
        params: { path: { id: review.id } },
        body: {
          formId: form.id,
          answers: { why: 'timing', wouldRebook: true },
          verdict: 'confirmed',
          clientFeedback: 'Will book next week',
        },
      }),
    );
    expect(done).toMatchObject({ status: 'done', verdict: 'confirmed', form: { id: form.id, version: 1 }, reviewerId: managerUser.id });
    const again = await manager.POST('/v1/reviews/{id}/result', {
      params: { path: { id: review.id } },
      body: { formId: form.id, answers: { why: 'price' }, verdict: 'overturned' },
    });
    expect(() => unwrap(again)).toThrow(ChorecatError);
    expect(again.error).toMatchObject({ status: 409, code: 'QUALITY.REVIEW_DONE' });
    // The client is not staff: the queue is closed to it.
    expect((await client.GET('/v1/reviews')).response.status).toBe(403);
  });

  it('runs the review-queue example: the oldest open review, reviewed on the default form', async () => {
    const client = (await login({ baseUrl }, { email: clientUser.email, password: 'test-password' })).client;
    const startsAt = new Date(t.clock.now().getTime() + 3 * 24 * 60 * 60_000).toISOString();
    const order = unwrap(await client.POST('/v1/orders', { body: { serviceTypeId, startsAt, address: '9 Perch Lane', description: '' } }));
    unwrap(await client.POST('/v1/orders/{id}/cancel', { params: { path: { id: order.id } }, body: {} }));
    await settle(t);
    const result = await reviewOldestOpen(baseUrl, { email: managerUser.email, password: 'test-password' });
    expect(result).toMatchObject({ reason: 'cancelled', verdict: 'confirmed', form: 'Standard review v1', kit: 'cancelled' });
    expect(result.order).toBe(`${order.id} (cancelled)`);
  });
});
