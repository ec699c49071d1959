import type { Client } from 'openapi-fetch';
import type { components, paths } from './generated/schema.ts';
import { ChorecatTimeoutError, ChorecatUnreachableStatusError, unwrap } from './errors.ts';
import { abortableSleep as sleep, anySignal } from './transport.ts';

type Order = components['schemas']['Order'];
type OrderStatus = Order['status'];

export interface WaitForOptions {
  /** Give up after this long with a ChorecatTimeoutError (default 120 000 ms). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** How often to ask the feed (or the order) again (default 2 000 ms). */
  pollIntervalMs?: number;
  /** A feed cursor you already hold (the last event you read): saves reading the feed up to now first. */
  after?: string;
}

// The lifecycle only moves forward along this line; failed and cancelled end it anywhere.
const PATH: readonly OrderStatus[] = ['created', 'matching', 'scheduled', 'in_progress', 'reported', 'completed'];
const TERMINAL: readonly OrderStatus[] = ['completed', 'failed', 'cancelled'];
// `matching` has no event of its own (a kit made ready starts it); it is watched by reading the order.
const WITHOUT_EVENT: readonly OrderStatus[] = ['matching'];
const PAGE = 100;

/**
 * Resolves with the order once it has `status`; rejects with a
 * ChorecatUnreachableStatusError when it reaches a status the wanted one
 * cannot follow, a ChorecatTimeoutError after `timeoutMs`, or the signal's
 * reason. Follows the event feed (`GET /v1/events`, the order's `order.*`
 * events) from the order as it is now; reads the order itself every
 * `pollIntervalMs` where the feed cannot tell (no access to it, or `matching`).
 */
export async function waitFor(
  client: Client<paths>,
  orderOrId: Order | string,
  status: OrderStatus,
  options: WaitForOptions = {},
): Promise<Order> {
  const id = typeof orderOrId === 'string' ? orderOrId : orderOrId.id;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const pollIntervalMs = options.pollIntervalMs ?? 2_000;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = anySignal(options.signal ? [options.signal, deadline.signal] : [deadline.signal]);
  const getOrder = async () => unwrap(await client.GET('/v1/orders/{id}', { params: { path: { id } }, signal }));
  const readFeed = async (after: string | undefined) => {
    const page = await client.GET('/v1/events', { params: { query: { after, limit: PAGE } }, signal });
    return page.data;
  };

  try {
    // Where the feed ends now, read before the order, so no change after that read is missed.
    let cursor: string | undefined = options.after;
    let feed = !WITHOUT_EVENT.includes(status);
    if (feed && cursor === undefined) {
      for (;;) {
        const page = await readFeed(cursor);
        if (!page) {
          feed = false; // not allowed to read it, or a server without it: read the order instead
          break;
        }
        cursor = page.nextCursor ?? cursor;
        if (page.data.length < PAGE) break;
      }
    }
    let order = typeof orderOrId === 'string' || feed ? await getOrder() : orderOrId;
    for (;;) {
      if (order.status === status) return order;
      if (TERMINAL.includes(order.status) || PATH.indexOf(order.status) > PATH.indexOf(status)) {
        throw new ChorecatUnreachableStatusError(order, status);
      }
      if (feed) {
        const page = await readFeed(cursor);
        if (!page) {
          feed = false;
          continue;
        }
        cursor = page.nextCursor ?? cursor;
        // The event carries the order as it was just after; read it as the caller sees it now.
        if (page.data.some((e) => e.type.startsWith('order.') && (e.data as { id?: string }).id === id)) order = await getOrder();
        else if (page.data.length < PAGE) await sleep(pollIntervalMs, signal);
      } else {
        await sleep(pollIntervalMs, signal);
        order = await getOrder();
      }
    }
  } catch (error) {
    if (deadline.signal.aborted && !options.signal?.aborted) {
      throw new ChorecatTimeoutError(`order ${id} did not become ${status} within ${timeoutMs} ms`, timeoutMs);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
