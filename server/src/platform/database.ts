import pg from 'pg';
import { Sequelize, QueryTypes, type Transaction } from 'sequelize';
import type { Logger } from './logger.ts';

// BIGINT (money in hundredths, counters) arrives as a string by default; keep
// it a string here and convert deliberately (Money.fromCents(BigInt(x))).
// NUMERIC likewise stays a string so nothing is silently turned into a float.

export type Tx = Transaction;

/**
 * One PostgreSQL, two pools: Sequelize for models and transactions, and a
 * small node-postgres pool for the job store, sessions and LISTEN/NOTIFY.
 */
export interface Database {
  url: string;
  sequelize: Sequelize;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function connectDatabase(url: string, logger: Logger, options: { poolMax?: number } = {}): Database {
  const sequelize = new Sequelize(url, {
    dialect: 'postgres',
    logging: false,
    pool: { max: options.poolMax ?? 10, min: 0, idle: 10_000 },
    define: { underscored: true, timestamps: false },
  });
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  // Without a listener, an idle client's error (e.g. PostgreSQL restarting) kills the process.
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection failed'));
  let closed = false;
  return {
    url,
    sequelize,
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([sequelize.close(), pool.end()]);
    },
  };
}

/** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
export function transaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.sequelize.transaction((tx) => work(tx));
}

/** A raw SQL query with positional parameters ($1, $2 …), optionally inside a transaction. */
export async function sql<Row extends object>(db: Database, text: string, params: unknown[] = [], tx?: Tx): Promise<Row[]> {
  return db.sequelize.query<Row>(text, { bind: params, type: QueryTypes.SELECT, transaction: tx, raw: true });
}

/** Like `sql`, for INSERT/UPDATE/DELETE: returns the RETURNING rows and the affected count. */
export async function execute<Row extends object = Record<string, unknown>>(
  db: Database,
  text: string,
  params: unknown[] = [],
  tx?: Tx,
): Promise<{ rows: Row[]; count: number }> {
  const [rows, meta] = (await db.sequelize.query(text, { bind: params, transaction: tx, raw: true })) as [
    Row[],
    { rowCount?: number } | number,
  ];
  const count = typeof meta === 'number' ? meta : (meta?.rowCount ?? rows.length);
  return { rows, count };
}
