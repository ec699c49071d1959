import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { expect } from 'vitest';
import { createTestDatabase } from './database.ts';
import { killWhenQuerying, startCli, type Query } from './cli.ts';
import { startSmtpServer } from './smtp.ts';
import { TEST_GOLDEN_HAT_KEY, TEST_GOLDEN_HAT_SECRET, TEST_SUPPLIER_KEY, TEST_SUPPLIER_SECRET } from './platform.ts';
import { startSupplierStandIn } from '../../src/stand-ins/supplier-stand-in.ts';
import { startGoldenHatStandIn } from '../../src/stand-ins/golden-hat-stand-in.ts';

/**
 * The world of the SIGKILL fault tests (issue #18, fault 2): a real
 * `chorecat start` (ROLE=all) the test kills and starts again on one port
 * and database, and the outside world living in the test process, so it
 * outlives every kill: the SMTP server, the supplier and Golden Hat
 * stand-ins (with their own record of cookies ordered and money paid), and
 * a webhook receiver.
 */

/** mulberry32: a small seeded generator, so a failing sequence of kill times can be run again. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 120_000,
  nudge?: () => Promise<void>,
) {
  const end = Date.now() + timeoutMs;
  for (let round = 1; ; round++) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    // Every few rounds time moves a little, so the pollers an advance runs (supplier sync, matching retry, payouts) get a turn.
    if (nudge && round % 10 === 0) await nudge();
    await sleep(200);
  }
}

/** A real `chorecat start` that the test kills and starts again on the same port and database. */
export class KilledServer {
  private current?: ReturnType<typeof startCli>;
  readonly kills: string[] = [];
  private starting?: Promise<void>;

  constructor(readonly env: Record<string, string>) {}

  /** Resolves once a process is up (starting one if none is). */
  up(): Promise<void> {
    if (!this.starting) {
      const server = startCli(this.env);
      this.current = server;
      // A process that died before it was ready (killed, or crashed) is forgotten, so the next call starts another.
      this.starting = server.ready.catch((error: unknown) => {
        if (this.current === server) {
          this.current = undefined;
          this.starting = undefined;
        }
        throw error;
      });
      this.starting.catch(() => undefined);
    }
    return this.starting;
  }

  async kill(why: string): Promise<void> {
    const server = this.current;
    if (!server) return;
    this.current = undefined;
    this.starting = undefined;
    server.child.kill('SIGKILL');
    expect(await server.signal).toBe('SIGKILL');
    this.kills.push(why);
  }

  /** SIGKILLs the process the moment it runs a query like `pattern` (true when it caught that moment). */
  async killWhen(pattern: string, query: Query): Promise<boolean> {
    const server = this.current!;
    this.current = undefined;
    this.starting = undefined;
    const caught = await killWhenQuerying(query, server.child, pattern);
    expect(await server.signal).toBe('SIGKILL');
    this.kills.push(`while running ${pattern}: ${caught}`);
    return caught;
  }

  async stop(): Promise<void> {
    const server = this.current;
    this.current = undefined;
    this.starting = undefined;
    if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

export type World = Awaited<ReturnType<typeof startWorld>>;

/** Starts the outside world and makes (does not start) the process, to answer on `httpPort` (this branch's range). */
export async function startWorld(httpPort: number) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'faults-kill-'));
  const base = `http://127.0.0.1:${httpPort}`;
  const HTTP_PORT = httpPort;
  const database = await createTestDatabase();
  const observer = new pg.Client({ connectionString: database.url });
  await observer.connect();
  const smtp = await startSmtpServer();
  // Both deliver and settle at once, and announce it to the platform (which may be down at that moment: then it polls).
  const supplier = await startSupplierStandIn({
    apiKey: TEST_SUPPLIER_KEY,
    webhookSecret: TEST_SUPPLIER_SECRET,
    webhookUrl: `${base}/v1/integrations/supplier/events`,
    deliveryDelayMs: 0,
  });
  const goldenHat = await startGoldenHatStandIn({
    apiKey: TEST_GOLDEN_HAT_KEY,
    webhookSecret: TEST_GOLDEN_HAT_SECRET,
    webhookUrl: `${base}/v1/integrations/golden-hat/events`,
    settleDelayMs: 0,
  });
  const hooks = await startHookReceiver();
  const server = new KilledServer({
    DATABASE_URL: database.url,
    PORT: String(HTTP_PORT),
    NODE_ENV: 'development',
    CHORECAT_DATA_DIR: dataDir,
    MAILDEV: '0',
    SMTP_URL: smtp.url,
    JWT_SECRET: 'j'.repeat(40),
    SESSION_SECRET: 's'.repeat(40),
    SUPPLIER_URL: supplier.url,
    SUPPLIER_API_KEY: TEST_SUPPLIER_KEY,
    SUPPLIER_WEBHOOK_SECRET: TEST_SUPPLIER_SECRET,
    GOLDEN_HAT_URL: goldenHat.url,
    GOLDEN_HAT_API_KEY: TEST_GOLDEN_HAT_KEY,
    GOLDEN_HAT_WEBHOOK_SECRET: TEST_GOLDEN_HAT_SECRET,
    REVIEW_SAMPLE_PERCENT: '0',
    SHUTDOWN_GRACE_SECONDS: '5',
    // No admin panel: bundling it costs ~5 s of CPU per start (8.5 s instead of 3 s), and the test restarts a lot.
    PANEL: 'off',
  });
  const q = async <Row extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await observer.query<Row>(text, params)).rows;
  return {
    base,
    database,
    observer,
    q,
    /** A demo account's bearer header (password `chorecat-demo`), signed in through the API. */
    async signIn(email: string): Promise<{ authorization: string }> {
      const res = await fetch(`${base}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'chorecat-demo' }),
      });
      expect(res.status).toBe(200);
      return { authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
    },
    /**
     * Sessions opened from now on notice within 100 ms that their client died: a killed process's backend waiting on a
     * test's lock then ends, instead of running the dead process's statement once the lock comes (PostgreSQL checks only
     * when it next talks to the client otherwise). For the tests that hold a statement with a lock and kill there.
     */
    async endDeadBackendsFast(): Promise<void> {
      const name = new URL(database.url).pathname.slice(1);
      await observer.query(`ALTER DATABASE ${pg.escapeIdentifier(name)} SET client_connection_check_interval = '100ms'`);
    },
    smtp,
    supplier,
    goldenHat,
    hooks,
    server,
    async close() {
      await server.stop();
      await observer.end();
      await Promise.all([smtp.close(), supplier.close(), goldenHat.close(), hooks.close()]);
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A webhook receiver: records each delivery's event id (Chorecat's body carries it) and when it came, and answers 200. */
export async function startHookReceiver() {
  const received: { eventId: string; type: string; at: number }[] = [];
  const srv = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    // A sender killed mid-request resets the connection.
    req.on('error', () => undefined);
    req.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; type: string };
        received.push({ eventId: String(body.id), type: body.type, at: Date.now() });
      } catch {
        // Not a delivery: answered all the same.
      }
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => srv.close(() => resolve())) };
}
