import http from 'node:http';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for "Golden Hat", the external payout service: a real
 * HTTP server speaking its protocol (see modules/billing/CONTEXT.md), for
 * development (`npm start` runs it) and the tests. Payouts are idempotent
 * by the `Idempotency-Key` header; each settles (paid, or failed when told)
 * after `settleDelayMs` or when a test calls `settle`, and is announced by
 * a signed callback. It keeps the money it paid per reference, so a test
 * can prove nothing was paid twice. Independent of the adapter's code.
 */
export interface GoldenHatStandInOptions {
  port?: number;
  host?: string;
  apiKey: string;
  webhookSecret: string;
  webhookUrl?: string;
  /** Real-time delay before a payout settles as paid; null: only when `settle` is called. */
  settleDelayMs: number | null;
  /** Whether settled payouts are announced by callback (false: the platform must poll). */
  callbacks?: boolean;
  log?: (line: string) => void;
}

export interface GoldenHatPayout {
  id: string;
  idempotencyKey: string;
  reference: string;
  amount: string;
  recipient: { id: string; name: string };
  status: 'processing' | 'paid' | 'failed';
  failureReason: string | null;
  createdAt: string;
}

export interface GoldenHatStandIn {
  url: string;
  options: GoldenHatStandInOptions;
  payouts: Map<string, GoldenHatPayout>;
  /** The next `count` API requests fail with `status` (503 unless told). */
  failNext(count: number, status?: number): void;
  /** The next `count` API requests are handled (a payout is made) but answered only after `ms`: the caller times out. */
  delayNext(count: number, ms: number): void;
  /** Settles a payout (paid, or failed with a reason) and announces it; resolves with the webhook's status. */
  settle(id: string, outcome?: 'paid' | 'failed', reason?: string): Promise<number | null>;
  /** Payouts paid for a reference (one statement must never be paid twice). */
  paidFor(reference: string): GoldenHatPayout[];
  close(): Promise<void>;
}

export function signGoldenHatPayload(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const PAYOUT_PATH = /^\/v1\/payouts\/([\w-]{1,64})$/;

export async function startGoldenHatStandIn(options: GoldenHatStandInOptions): Promise<GoldenHatStandIn> {
  const payouts = new Map<string, GoldenHatPayout>();
  const byKey = new Map<string, string>();
  const timers = new Set<NodeJS.Timeout>();
  let failures = 0;
  let failStatus = 503;
  let delays = { count: 0, ms: 0 };
  const log = options.log ?? (() => undefined);

  const authorised = (req: http.IncomingMessage) => {
    const expected = Buffer.from(`Bearer ${options.apiKey}`);
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    const answer = () => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (delays.count <= 0) return answer();
    delays.count--;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) answer();
    }, delays.ms);
    timer.unref();
    timers.add(timer);
  };

  async function settle(id: string, outcome: 'paid' | 'failed' = 'paid', reason = 'account closed'): Promise<number | null> {
    const payout = payouts.get(id);
    if (!payout) throw new Error(`no payout ${id}`);
    if (payout.status === 'processing') {
      payout.status = outcome;
      payout.failureReason = outcome === 'failed' ? reason : null;
    }
    if (!options.webhookUrl || options.callbacks === false) return null;
    const body = JSON.stringify({
      id: `evt_${randomUUID()}`,
      type: `payout.${payout.status}`,
      createdAt: new Date().toISOString(),
      data: { payoutId: payout.id, reference: payout.reference, failureReason: payout.failureReason },
    });
    const response = await fetch(options.webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'golden-hat-signature': signGoldenHatPayload(options.webhookSecret, body, Math.floor(Date.now() / 1000)),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    log(`golden hat stand-in: payout ${id} ${payout.status} → ${response.status}`);
    return response.status;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failures > 0) {
        failures--;
        return res
          .writeHead(failStatus, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: failStatus === 503 ? 'temporarily unavailable' : 'internal error' }));
      }
      if (!authorised(req)) return send(res, 401, { error: 'unauthorised' });
      const path = (req.url ?? '/').split('?')[0]!;
      if (req.method === 'POST' && path === '/v1/payouts') {
        const key = req.headers['idempotency-key'];
        let input: { amount?: unknown; reference?: unknown; recipient?: { id?: unknown; name?: unknown } };
        try {
          input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof input;
        } catch {
          return send(res, 400, { error: 'malformed JSON' });
        }
        if (typeof key !== 'string' || !key) return send(res, 400, { error: 'an Idempotency-Key is required' });
        if (typeof input.amount !== 'string' || !/^\d+\.\d{2}$/.test(input.amount) || typeof input.reference !== 'string') {
          return send(res, 422, { error: 'amount (like "10.00") and reference are required' });
        }
        const existing = byKey.get(key);
        if (existing) return send(res, 200, payouts.get(existing));
        const payout: GoldenHatPayout = {
          id: `po_${randomUUID()}`,
          idempotencyKey: key,
          reference: input.reference,
          amount: input.amount,
          recipient: { id: String(input.recipient?.id ?? ''), name: String(input.recipient?.name ?? '') },
          status: 'processing',
          failureReason: null,
          createdAt: new Date().toISOString(),
        };
        payouts.set(payout.id, payout);
        byKey.set(key, payout.id);
        if (options.settleDelayMs !== null) {
          const timer = setTimeout(() => {
            timers.delete(timer);
            settle(payout.id).catch(() => undefined);
          }, options.settleDelayMs);
          timer.unref();
          timers.add(timer);
        }
        return send(res, 201, payout);
      }
      const get = PAYOUT_PATH.exec(path);
      if (req.method === 'GET' && get) {
        const payout = payouts.get(get[1]!);
        return payout ? send(res, 200, payout) : send(res, 404, { error: 'no such payout' });
      }
      send(res, 404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`,
    options,
    payouts,
    failNext(count, status = 503) {
      failures = count;
      failStatus = status;
    },
    delayNext(count, ms) {
      delays = { count, ms };
    },
    settle,
    paidFor: (reference) => [...payouts.values()].filter((p) => p.reference === reference && p.status === 'paid'),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
