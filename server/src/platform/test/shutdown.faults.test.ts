import { describe, it, expect, afterAll } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { startCli } from '../../../test/helpers/cli.ts';
import { freePort } from '../../../test/helpers/global-setup.ts';
import { hashJobName } from '../scheduler.ts';

/** Waits until `probe` holds, asking again every 100 ms (the process works at its own pace). */
async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/**
 * SIGTERM on a real `chorecat start`: it stops taking connections at once,
 * finishes the request in flight, waits for the job run in flight, leaves
 * no job locked and no connection open, and exits 0.
 */
describe('graceful shutdown', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-shutdown-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('drains HTTP and the running job, releases the job locks and the pool, exits 0', { timeout: 240_000 }, async () => {
    const database = await createTestDatabase();
    const observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
    const [port, supplierPort, goldenHatPort] = await Promise.all([freePort(), freePort(), freePort()]);
    try {
      // An email for the run to deliver (no transport is configured: its attempt fails and is counted).
      await observer.query(
        `INSERT INTO outbox (topic, dedupe_key, payload, available_at, created_at)
         VALUES ('email', 'email:shutdown', '{"to":"x@chorecat.test","subject":"s","text":"t","html":"h","template":"test"}', now(), now())`,
      );
      const server = await startHoldingOutboxRun(observer, {
        ...env(database.url, port, supplierPort, goldenHatPort),
        SHUTDOWN_GRACE_SECONDS: '60',
      });

      // A login whose body is still on its way: the server has read its headers (it answered 100 Continue).
      const body = JSON.stringify({ email: 'manager@chorecat.test', password: 'chorecat-demo' });
      const request = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v1/auth/login',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), expect: '100-continue' },
      });
      const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
        request.on('response', (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, text }));
        });
        request.on('error', reject);
      });
      await new Promise<void>((resolve) => request.once('continue', () => resolve()));
      request.write(body.slice(0, 10));

      server.child.kill('SIGTERM');
      await until('new connections refused', () => refused(port));
      request.end(body.slice(10));
      const answered = await response;
      expect(answered.status).toBe(200);
      expect(JSON.parse(answered.text)).toHaveProperty('accessToken');

      // The job run is still going, and the process waits for it: let it go, and it finishes its batch.
      expect(server.child.exitCode).toBeNull();
      await observer.query('SELECT pg_advisory_unlock($1)', [hashJobName('outbox.deliver')]);
      expect(await server.exited).toBe(0);
      // The email was tried (by the dispatcher's wake-up at start or the held run: both deliver the outbox), once
      // or more, and nothing of the held run is left locked (below): the wait above is what proves the drain.
      const { rows: email } = await observer.query<{ attempts: number }>("SELECT attempts FROM outbox WHERE dedupe_key = 'email:shutdown'");
      expect(email[0]!.attempts).toBeGreaterThanOrEqual(1);

      const { rows: locked } = await observer.query<{ name: string }>('SELECT name FROM agenda_jobs WHERE locked_at IS NOT NULL');
      expect(locked).toEqual([]);
      // The pools are closed: no connection of the process is left (each goes as its socket closes).
      await until('the process connections gone', async () => {
        const { rows } = await observer.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        );
        return rows[0]!.n === 0;
      });
    } finally {
      await observer.end();
      await database.drop();
    }
  });

  it('exits at once on a second signal', { timeout: 240_000 }, async () => {
    const database = await createTestDatabase();
    const observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
    const [port, supplierPort, goldenHatPort] = await Promise.all([freePort(), freePort(), freePort()]);
    try {
      const server = await startHoldingOutboxRun(observer, {
        ...env(database.url, port, supplierPort, goldenHatPort),
        SHUTDOWN_GRACE_SECONDS: '600',
      });
      server.child.kill('SIGTERM');
      await until('new connections refused', () => refused(port));
      // The graceful stop would wait up to ten minutes for the run; the second signal does not.
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(130);
      expect(server.output()).toContain('SIGTERM again, exiting at once');
    } finally {
      await observer.query('SELECT pg_advisory_unlock_all()');
      await observer.end();
      await database.drop();
    }
  });

  function env(databaseUrl: string, port: number, supplierPort: number, goldenHatPort: number): Record<string, string> {
    return {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      CHORECAT_DATA_DIR: dataDir,
      MAILDEV: '0',
      SUPPLIER_STAND_IN_PORT: String(supplierPort),
      GOLDEN_HAT_STAND_IN_PORT: String(goldenHatPort),
    };
  }
});

/**
 * Starts the platform while `observer` holds the outbox dispatcher's run lock, so its next scheduled run stays
 * in flight (waiting for the lock) for as long as the test likes; resolves once that run is waiting.
 */
async function startHoldingOutboxRun(observer: pg.Client, env: Record<string, string>): Promise<ReturnType<typeof startCli>> {
  await observer.query('SELECT pg_advisory_lock($1)', [hashJobName('outbox.deliver')]);
  const server = startCli(env);
  // A server left running by a failed wait would outlive the test run (it did, in a CI rehearsal).
  const stopOnFailure = (error: unknown) => {
    server.child.kill('SIGKILL');
    throw error;
  };
  await server.ready.catch(stopOnFailure);
  await until('a scheduled outbox run in flight', async () => {
    const { rows } = await observer.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM agenda_jobs j, pg_locks l
       WHERE j.name = 'outbox.deliver' AND j.locked_at IS NOT NULL AND l.locktype = 'advisory' AND NOT l.granted
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    return rows[0]!.n === 1;
  }).catch(stopOnFailure);
  return server;
}
