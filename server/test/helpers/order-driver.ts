import { expect } from 'vitest';
import type { Response } from 'supertest';
import { sql } from '../../src/platform/database.ts';
import type { TestPlatform } from './platform.ts';
import { PNG_1x1 } from './images.ts';
import { settle } from './orders.ts';
import { deliveryTrouble, failedJobRuns } from './deliveries.ts';

export const HOUR = 60 * 60_000;
export const DAY = 24 * HOUR;

export type Actor = 'owner' | 'otherClient' | 'assignedWorker' | 'otherWorker' | 'manager' | 'supplies' | 'anonymous';
export const ACTORS: readonly Actor[] = ['owner', 'otherClient', 'assignedWorker', 'otherWorker', 'manager', 'supplies', 'anonymous'];

interface User {
  id: string;
  token: string;
}

export interface OrderState {
  id: string;
  status: string;
  failure_reason: string | null;
  worker_id: string | null;
  starts_at: Date;
  ends_at: Date;
  service_type_id: string;
}

export interface KitState {
  id: string;
  status: string;
  cookie_status: string;
  cookie_supplier_order_id: string | null;
  ready_at: Date | null;
  order_starts_at: Date;
}

/**
 * Drives orders and their kits the way people and time do: every step is an
 * HTTP call of the real API (or the supplier's real signed callback), time
 * moves only through the sandbox clock's endpoint (which runs the jobs that
 * fall due), and domain events are delivered by the real outbox. Each
 * answer is checked to be a 2xx, or a 4xx problem+json with a code.
 */
export class OrderDriver {
  serviceTypeId = '';
  /** A second service type with another duration and other kit items, for edits. */
  otherServiceTypeId = '';
  manager!: User;
  supplies!: User;
  clients: User[] = [];
  workers: User[] = [];
  private edits = 0;

  constructor(readonly t: TestPlatform) {}

  async setUp(): Promise<void> {
    const { t } = this;
    await t.listen();
    this.manager = await t.userWithRoles(['manager']);
    this.supplies = await t.userWithRoles(['supplies']);
    this.clients = [await t.userWithRoles(['client']), await t.userWithRoles(['client'])];
    this.workers = [await t.userWithRoles(['worker']), await t.userWithRoles(['worker'])];
    const type = async (name: string, durationMinutes: number, kitItems: { name: string; quantity: number }[]) =>
      (
        await t.api
          .post('/v1/service-types')
          .set('authorization', `Bearer ${this.manager.token}`)
          .send({ name, description: '', durationMinutes, kitItems })
          .expect(201)
      ).body.id as string;
    this.serviceTypeId = await type('Litter box', 60, [
      { name: 'Litter', quantity: 2 },
      { name: 'Scoop', quantity: 1 },
    ]);
    this.otherServiceTypeId = await type('Sofa de-furring', 90, [{ name: 'Lint roller', quantity: 1 }]);
  }

  async user(actor: Actor, orderId?: string): Promise<User | undefined> {
    switch (actor) {
      case 'owner':
        return this.clients[0];
      case 'otherClient':
        return this.clients[1];
      case 'manager':
        return this.manager;
      case 'supplies':
        return this.supplies;
      case 'anonymous':
        return undefined;
      case 'assignedWorker':
      case 'otherWorker': {
        const assigned = orderId ? (await this.order(orderId)).worker_id : null;
        const mine = this.workers.find((w) => w.id === assigned);
        if (actor === 'assignedWorker') return mine ?? this.workers[0];
        return this.workers.find((w) => w !== mine) ?? this.workers[1];
      }
    }
  }

  /** One API call as `actor`; refuses a 5xx or an error that is not a problem with a code. */
  async call(
    actor: Actor,
    method: 'get' | 'post' | 'patch',
    path: string,
    body?: Record<string, unknown>,
    orderId?: string,
  ): Promise<Response> {
    const user = await this.user(actor, orderId);
    const req = this.t.api[method](path);
    if (user) req.set('authorization', `Bearer ${user.token}`);
    const res = method === 'get' ? await req : await req.send(body ?? {});
    expect(res.status, `${actor} ${method.toUpperCase()} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
    if (res.status >= 400) {
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(typeof res.body.code, JSON.stringify(res.body)).toBe('string');
    }
    return res;
  }

  now(): Date {
    return this.t.clock.now();
  }

  /** Moves the sandbox clock (forward only); every job due on the way runs, as of its due time. */
  async advanceTo(at: Date): Promise<void> {
    if (at.getTime() <= this.now().getTime()) return;
    await this.call('manager', 'post', '/v1/sandbox/clock', { advanceTo: at.toISOString() });
  }

  async advanceBy(ms: number): Promise<void> {
    await this.advanceTo(new Date(this.now().getTime() + ms));
  }

  async createOrder(startsAt: Date, actor: Actor = 'owner'): Promise<string> {
    const res = await this.call(actor, 'post', '/v1/orders', {
      serviceTypeId: this.serviceTypeId,
      startsAt: startsAt.toISOString(),
      address: '1 Catnip Lane',
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async order(orderId: string): Promise<OrderState> {
    const [row] = await sql<OrderState>(
      this.t.db,
      'SELECT id, status, failure_reason, worker_id, starts_at, ends_at, service_type_id FROM orders WHERE id = $1',
      [orderId],
    );
    return row!;
  }

  async kit(orderId: string): Promise<KitState | undefined> {
    const [row] = await sql<KitState>(
      this.t.db,
      'SELECT id, status, cookie_status, cookie_supplier_order_id, ready_at, order_starts_at FROM kits WHERE order_id = $1',
      [orderId],
    );
    return row;
  }

  /** Delivers every due outbox message: domain events to their subscribers, emails to the mailbox. */
  deliver(): Promise<void> {
    return settle(this.t);
  }

  /** The supplier delivers the order's cookie (its signed callback over real HTTP), if one was ordered. */
  async deliverCookie(orderId: string): Promise<void> {
    const kit = await this.kit(orderId);
    if (kit?.cookie_supplier_order_id) await this.t.supplier.deliver(kit.cookie_supplier_order_id);
  }

  async pack(orderId: string, actor: Actor = 'supplies', items?: string[]): Promise<Response | undefined> {
    const kit = await this.kit(orderId);
    if (!kit) return undefined;
    return this.call(actor, 'post', `/v1/kits/${kit.id}/pack`, items ? { items } : {});
  }

  async markReady(orderId: string, actor: Actor = 'supplies'): Promise<Response | undefined> {
    const kit = await this.kit(orderId);
    if (!kit) return undefined;
    return this.call(actor, 'post', `/v1/kits/${kit.id}/ready`);
  }

  cancel(orderId: string, actor: Actor): Promise<Response> {
    return this.call(actor, 'post', `/v1/orders/${orderId}/cancel`, {}, orderId);
  }

  async edit(orderId: string, actor: Actor, what: 'startsAt' | 'address' | 'description' | 'serviceType'): Promise<Response> {
    const order = await this.order(orderId);
    const body =
      what === 'startsAt'
        ? { startsAt: new Date(new Date(order.starts_at).getTime() + HOUR).toISOString() }
        : what === 'address'
          ? { address: `${++this.edits} Whisker Road` }
          : what === 'description'
            ? { description: 'Mind the goldfish' }
            : { serviceTypeId: order.service_type_id === this.serviceTypeId ? this.otherServiceTypeId : this.serviceTypeId };
    return this.call(actor, 'patch', `/v1/orders/${orderId}`, body, orderId);
  }

  async upload(actor: Actor, orderId: string): Promise<string | undefined> {
    const user = await this.user(actor, orderId);
    if (!user) return undefined;
    const res = await this.t.api.post('/v1/files').set('authorization', `Bearer ${user.token}`).attach('file', PNG_1x1, 'p.png');
    return res.status === 201 ? (res.body.id as string) : undefined;
  }

  async checkIn(orderId: string, actor: Actor): Promise<Response> {
    const photoId = (await this.upload(actor, orderId)) ?? '00000000-0000-4000-8000-000000000000';
    return this.call(actor, 'post', `/v1/orders/${orderId}/check-in`, { photoId }, orderId);
  }

  async report(orderId: string, actor: Actor): Promise<Response> {
    const photo = (await this.upload(actor, orderId)) ?? '00000000-0000-4000-8000-000000000000';
    return this.call(
      actor,
      'post',
      `/v1/orders/${orderId}/report`,
      { beforePhotoIds: [photo], afterPhotoIds: [photo], signedReportPhotoId: photo },
      orderId,
    );
  }

  accept(orderId: string, actor: Actor): Promise<Response> {
    return this.call(actor, 'post', `/v1/orders/${orderId}/accept`, { rating: 4 }, orderId);
  }

  reject(orderId: string, actor: Actor): Promise<Response> {
    return this.call(actor, 'post', `/v1/orders/${orderId}/reject`, { reason: 'Fur everywhere still' }, orderId);
  }

  async copy(orderId: string, actor: Actor): Promise<string | undefined> {
    const res = await this.call(
      actor,
      'post',
      `/v1/orders/${orderId}/copy`,
      { startsAt: new Date(this.now().getTime() + 2 * DAY).toISOString() },
      orderId,
    );
    return res.status === 201 ? (res.body.id as string) : undefined;
  }

  /** The order's kit through its whole assembly: events delivered, cookie delivered, packed, ready (matching follows). */
  async bringKitReady(orderId: string): Promise<void> {
    await this.deliver();
    await this.deliverCookie(orderId);
    expect((await this.pack(orderId))?.status).toBe(200);
    expect((await this.markReady(orderId))?.status).toBe(200);
    await this.deliver();
  }

  /**
   * Lets the world settle: time moves a little (supplier retries and
   * cancellations, matching retries and pollers run), every event is
   * delivered; then no delivery may have failed, and no job run while
   * settling (the supplier is up by then; earlier runs may have met an
   * outage a test caused on purpose).
   */
  async settleAndCheck(): Promise<void> {
    const since = new Date();
    await this.deliver();
    await this.advanceBy(60 * 60_000);
    await this.deliver();
    expect(await deliveryTrouble(this.t), 'deliveries that failed').toEqual([]);
    expect(await failedJobRuns(this.t, since), 'job runs that failed').toEqual([]);
  }
}

/**
 * What an order's kit must be once every event has been delivered (written
 * from SPEC §4 and §6, not from the code): assembled while the order waits
 * for it; ready from matching on (and still ready after the work was done,
 * accepted or rejected); cancelled when the order will never happen
 * (cancelled, no worker, no check-in).
 */
export function expectedKit(order: Pick<OrderState, 'status' | 'failure_reason'>): { status: string[]; cookie: string[] } {
  switch (order.status) {
    case 'created':
      return { status: ['open', 'assembling'], cookie: ['pending', 'ordered', 'delivered'] };
    case 'matching':
    case 'scheduled':
    case 'in_progress':
    case 'reported':
    case 'completed':
      return { status: ['ready'], cookie: ['delivered'] };
    case 'failed':
      return order.failure_reason === 'rejected'
        ? { status: ['ready'], cookie: ['delivered'] }
        : { status: ['cancelled'], cookie: ['cancelled', 'delivered'] };
    case 'cancelled':
      return { status: ['cancelled'], cookie: ['cancelled', 'delivered'] };
    default:
      throw new Error(`unknown order status ${order.status}`);
  }
}

export async function expectKitConsistent(driver: OrderDriver, orderId: string): Promise<void> {
  const order = await driver.order(orderId);
  const kit = await driver.kit(orderId);
  const expected = expectedKit(order);
  const what = `order ${orderId} is ${order.status}${order.failure_reason ? ` (${order.failure_reason})` : ''}`;
  expect(kit, what).toBeDefined();
  expect(expected.status, `${what}; its kit is ${kit!.status}`).toContain(kit!.status);
  expect(expected.cookie, `${what}; its cookie is ${kit!.cookie_status}`).toContain(kit!.cookie_status);
  // The kit's queue follows the order's start (manager edits included).
  expect(new Date(kit!.order_starts_at).toISOString(), what).toBe(new Date(order.starts_at).toISOString());
}
