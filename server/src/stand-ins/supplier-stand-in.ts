import http from 'node:http';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the external cookie supplier: a real HTTP server
 * speaking the supplier's protocol (see modules/supplies/CONTEXT.md), for
 * development (`npm start` runs it) and the tests. It keeps its cookie
 * orders in memory, delivers each one after `deliveryDelayMs` (or when a
 * test calls `deliver`), and then calls the registered webhook with a
 * signed `cookie.delivered` event, retrying a few times if refused.
 *
 * It deliberately shares no code with the adapter: it is the other side of
 * the wire, so the adapter is tested against an independent implementation.
 */
export interface SupplierStandInOptions {
  port?: number;
  host?: string;
  apiKey: string;
  webhookSecret: string;
  /** Where deliveries are announced; may be set later (the tests know it only once they listen). */
  webhookUrl?: string;
  /** Real-time delay before a cookie is delivered; null: only when `deliver` is called. */
  deliveryDelayMs: number | null;
  /** Whether deliveries are announced at all (false: the platform must poll). */
  callbacks?: boolean;
  log?: (line: string) => void;
  /**
   * The stand-in's clock for the moments it reports (an order's creation,
   * delivery, cancellation): the platform's own once it runs, so a sandbox
   * that moved time sees deliveries in its time, not the wall clock's.
   * May be set later; the wall clock until then.
   */
  now?: () => Date;
}

export type CookieOrderStatus = 'accepted' | 'delivered' | 'cancelled';

export interface CookieOrder {
  id: string;
  reference: string;
  recipient: { name: string; address: string };
  status: CookieOrderStatus;
  createdAt: string;
  deliveredAt: string | null;
  cancelledAt: string | null;
}

export interface SupplierStandIn {
  url: string;
  options: SupplierStandInOptions;
  orders: Map<string, CookieOrder>;
  /** Every request received, oldest first (method, path, status answered). */
  requests: { method: string; path: string; status: number }[];
  /** The next `count` API requests fail: with a 503, or by dropping the connection. */
  failNext(count: number, how?: 'unavailable' | 'reset'): void;
  /**
   * The next `count` API requests are handled (an order is placed) but
   * answered badly: `malformed` (201, a body that is not JSON),
   * `wrong-shape` (201, JSON that is not an order), `huge` (201, a 10 MB
   * JSON order), `slow` (headers at once, then one byte a second).
   */
  misbehaveNext(count: number, how: 'malformed' | 'wrong-shape' | 'huge' | 'slow'): void;
  /** Delivers an order now and announces it; resolves with the webhook's HTTP status (or null when not announced). */
  deliver(id: string): Promise<number | null>;
  close(): Promise<void>;
}

let padding: string | undefined;
/** 10 MB of JSON, made once so that making it never weighs on a measurement of the caller. */
const hugePadding = () => (padding ??= JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ i, note: 'x'.repeat(480) }))));

const ORDER_PATH = /^\/v1\/cookie-orders\/([\w-]{1,64})$/;
const CANCEL_PATH = /^\/v1\/cookie-orders\/([\w-]{1,64})\/cancel$/;

export function signSupplierPayload(secret: string, body: string, timestamp: number): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}

export async function startSupplierStandIn(options: SupplierStandInOptions): Promise<SupplierStandIn> {
  const orders = new Map<string, CookieOrder>();
  const byReference = new Map<string, string>();
  const timers = new Set<NodeJS.Timeout>();
  const requests: SupplierStandIn['requests'] = [];
  let failures: { count: number; how: 'unavailable' | 'reset' } = { count: 0, how: 'unavailable' };
  const log = options.log ?? (() => undefined);
  const now = () => (options.now ?? (() => new Date()))().toISOString();

  const authorised = (req: http.IncomingMessage) => {
    const expected = Buffer.from(`Bearer ${options.apiKey}`);
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  async function announce(order: CookieOrder): Promise<number | null> {
    if (options.callbacks === false || !options.webhookUrl) return null;
    const body = JSON.stringify({
      id: `evt_${randomUUID()}`,
      type: 'cookie.delivered',
      createdAt: new Date().toISOString(),
      data: { orderId: order.id, reference: order.reference, deliveredAt: order.deliveredAt },
    });
    const signature = signSupplierPayload(options.webhookSecret, body, Math.floor(Date.now() / 1000));
    const response = await fetch(options.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'supplier-signature': signature },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    log(`supplier stand-in: announced cookie ${order.id} → ${response.status}`);
    return response.status;
  }

  async function deliver(id: string): Promise<number | null> {
    const order = orders.get(id);
    if (!order) throw new Error(`no cookie order ${id}`);
    if (order.status === 'accepted') {
      order.status = 'delivered';
      order.deliveredAt = now();
    }
    if (order.status !== 'delivered') return null;
    return announce(order);
  }

  /** Delivery after the delay, with a few real retries of the announcement, as a real supplier would. */
  function scheduleDelivery(order: CookieOrder): void {
    if (options.deliveryDelayMs === null) return;
    const attempt = (n: number, delay: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        const retry = () => n < 5 && attempt(n + 1, 2_000 * 2 ** n);
        deliver(order.id).then(
          (status) => status !== null && status >= 300 && retry(),
          () => retry(),
        );
      }, delay);
      timer.unref();
      timers.add(timer);
    };
    attempt(0, options.deliveryDelayMs);
  }

  let misbehaviour: { count: number; how: 'malformed' | 'wrong-shape' | 'huge' | 'slow' } = { count: 0, how: 'malformed' };
  function send(res: http.ServerResponse, status: number, body: unknown): number {
    if (misbehaviour.count > 0 && status < 300) {
      misbehaviour.count--;
      return misbehave(res, status, body, misbehaviour.how);
    }
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    return status;
  }
  function misbehave(res: http.ServerResponse, status: number, body: unknown, how: typeof misbehaviour.how): number {
    res.writeHead(status, { 'content-type': 'application/json' });
    if (how === 'malformed') res.end('{"id": "ck_');
    else if (how === 'wrong-shape') res.end(JSON.stringify({ id: 42, status: 'exploded' }));
    else if (how === 'huge') {
      // A valid order padded with many small objects (built once, beforehand): costly to parse in one go, no Content-Length.
      const order = JSON.stringify(body);
      res.end(`${order.slice(0, -1)},"padding":${hugePadding()}}`);
    } else {
      const text = JSON.stringify(body);
      let i = 0;
      const timer = setInterval(() => {
        if (res.destroyed || i >= text.length) {
          clearInterval(timer);
          timers.delete(timer as unknown as NodeJS.Timeout);
          res.end();
          return;
        }
        res.write(text[i++]!);
      }, 1_000);
      timer.unref();
      timers.add(timer as unknown as NodeJS.Timeout);
    }
    return status;
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse, raw: string): Promise<number> {
    if (!authorised(req)) return send(res, 401, { error: 'unauthorised' });
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method === 'POST' && path === '/v1/cookie-orders') {
      let input: { reference?: unknown; recipient?: { name?: unknown; address?: unknown } };
      try {
        input = JSON.parse(raw) as typeof input;
      } catch {
        return send(res, 400, { error: 'malformed JSON' });
      }
      const { reference, recipient } = input;
      if (typeof reference !== 'string' || typeof recipient?.name !== 'string' || typeof recipient.address !== 'string') {
        return send(res, 422, { error: 'reference, recipient.name and recipient.address are required' });
      }
      // One cookie per reference: a retried order gets the first one back.
      const existing = byReference.get(reference);
      if (existing) return send(res, 200, orders.get(existing));
      const order: CookieOrder = {
        id: `ck_${randomUUID()}`,
        reference,
        recipient: { name: recipient.name, address: recipient.address },
        status: 'accepted',
        createdAt: now(),
        deliveredAt: null,
        cancelledAt: null,
      };
      orders.set(order.id, order);
      byReference.set(reference, order.id);
      scheduleDelivery(order);
      return send(res, 201, order);
    }
    const get = ORDER_PATH.exec(path);
    if (req.method === 'GET' && get) {
      const order = orders.get(get[1]!);
      return order ? send(res, 200, order) : send(res, 404, { error: 'no such cookie order' });
    }
    const cancel = CANCEL_PATH.exec(path);
    if (req.method === 'POST' && cancel) {
      const order = orders.get(cancel[1]!);
      if (!order) return send(res, 404, { error: 'no such cookie order' });
      if (order.status === 'delivered') return send(res, 409, { error: 'already delivered', order });
      if (order.status === 'accepted') {
        order.status = 'cancelled';
        order.cancelledAt = now();
      }
      return send(res, 200, order);
    }
    return send(res, 404, { error: 'not found' });
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (failures.count > 0) {
        failures.count--;
        requests.push({ method: req.method ?? '', path, status: failures.how === 'reset' ? 0 : 503 });
        if (failures.how === 'reset') req.socket.destroy();
        else send(res, 503, { error: 'temporarily unavailable' });
        return;
      }
      route(req, res, Buffer.concat(chunks).toString('utf8')).then(
        (status) => requests.push({ method: req.method ?? '', path, status }),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
    options,
    orders,
    requests,
    failNext(count, how = 'unavailable') {
      failures = { count, how };
    },
    misbehaveNext(count, how) {
      if (how === 'huge') hugePadding();
      misbehaviour = { count, how };
    },
    deliver,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
