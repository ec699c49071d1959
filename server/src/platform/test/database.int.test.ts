import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { ACQUIRE_TIMEOUT_MS, connectDatabase, isDatabaseUnavailable, sql, transaction, type Database } from '../database.ts';
import { createLogger } from '../logger.ts';
import { DEAD_CLIENT_CHECK } from '../embedded-db.ts';

/**
 * What a cut connection does to the pools (issue #18, PostgreSQL restarted
 * under load): `pg_terminate_backend` sends the session the same FATAL
 * 57P01 a stopping server sends each of its sessions.
 */
describe('database pools when connections are cut', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: Database;
  let admin: pg.Client;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = connectDatabase(database.url, createLogger({ level: 'silent' }), { poolMax: 2 });
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await db.close();
    await database.drop();
  });

  it('survives the connection of a checked-out, idle client being cut, and the pool discards it', async () => {
    const client = await db.pool.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const pid = rows[0]!.pid;
    // The client sits checked out with no query running (a job holding its advisory lock while it works):
    // the 'error' it emits now has no pool listening. Unheard, it would be an uncaught exception ending the process.
    // (The test listens for 'end', which comes after 'error': a listener of its own for 'error' would hide the fault.)
    const ended = new Promise<void>((resolve) => client.once('end', resolve));
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await ended;
    await expect(client.query('SELECT 1')).rejects.toSatisfy(isDatabaseUnavailable);
    client.release();
    // The pool serves again by itself, on a new connection.
    const again = await db.pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(again.rows[0]!.pid).not.toBe(pid);
  });

  it('fails a transaction whose connection is cut as unavailable, then Sequelize serves on a new connection', async () => {
    const failed = transaction(db, async (tx) => {
      const [row] = await sql<{ pid: number }>(db, 'SELECT pg_backend_pid() AS pid', [], tx);
      await admin.query('SELECT pg_terminate_backend($1)', [row!.pid]);
      await sql(db, 'SELECT 1', [], tx);
    });
    await expect(failed).rejects.toSatisfy(isDatabaseUnavailable);
    const [row] = await sql<{ ok: number }>(db, 'SELECT 1 AS ok');
    expect(row).toEqual({ ok: 1 });
  });

  it(`gives up waiting for a busy Sequelize pool after ${ACQUIRE_TIMEOUT_MS / 1000} s, as unavailable, instead of 60 s`, async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Both connections of the pool (poolMax 2) taken by transactions that do not end.
    const entered: Promise<void>[] = [];
    const holders = [0, 1].map((n) => {
      let inside!: () => void;
      entered[n] = new Promise<void>((resolve) => (inside = resolve));
      return transaction(db, async () => {
        inside();
        await held;
      });
    });
    await Promise.all(entered);
    const started = performance.now();
    const waited = sql(db, 'SELECT 1');
    await expect(waited).rejects.toSatisfy(isDatabaseUnavailable);
    const ms = performance.now() - started;
    expect(ms).toBeGreaterThanOrEqual(ACQUIRE_TIMEOUT_MS - 100);
    expect(ms).toBeLessThan(ACQUIRE_TIMEOUT_MS + 5_000);
    release();
    await Promise.all(holders);
  });
});

/**
 * A process killed while its statement runs: the embedded server checks every
 * second that the client is still there, so the statement, and the locks it
 * holds, end with the client instead of with the statement.
 */
describe('a statement whose client died', () => {
  let database: { url: string; drop(): Promise<void> };
  let observer: pg.Client;
  beforeAll(async () => {
    database = await createTestDatabase();
    observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
  });
  afterAll(async () => {
    await observer.end();
    await database.drop();
  });

  it(`ends within seconds, with its locks, on the embedded server (client_connection_check_interval ${DEAD_CLIENT_CHECK})`, async () => {
    expect((await observer.query<{ v: string }>("SELECT current_setting('client_connection_check_interval') AS v")).rows[0]!.v).toBe(
      DEAD_CLIENT_CHECK,
    );
    const dying = new pg.Client({ connectionString: database.url });
    await dying.connect();
    const { rows } = await dying.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const pid = rows[0]!.pid;
    // A job's advisory lock, then a statement that would run for a minute.
    await dying.query('SELECT pg_advisory_lock(918273)');
    dying.on('error', () => undefined);
    void dying.query('SELECT pg_sleep(60)').catch(() => undefined);
    await expect
      .poll(async () => (await observer.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND state = 'active'", [pid])).rowCount, {
        timeout: 10_000,
        interval: 50,
      })
      .toBe(1);
    // The process dies: its socket closes, and no goodbye reaches the server.
    const stream = (dying as unknown as { connection: { stream: { destroy(): void } } }).connection.stream;
    const diedAt = Date.now();
    stream.destroy();
    await expect
      .poll(async () => (await observer.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount, {
        timeout: 20_000,
        interval: 50,
      })
      .toBe(0);
    const gone = Date.now() - diedAt;
    // Within the check's second plus a busy machine's scheduling; without the setting it would be the statement's 60 s.
    expect(gone).toBeLessThan(15_000);
    const lock = await observer.query<{ taken: boolean }>('SELECT pg_try_advisory_lock(918273) AS taken');
    expect(lock.rows[0]!.taken).toBe(true);
    await observer.query('SELECT pg_advisory_unlock(918273)');
  });
});
