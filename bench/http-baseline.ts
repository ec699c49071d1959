/**
 * HTTP baseline: throughput and latency of a public route (/healthz) and an
 * authenticated, rate-limited, spec-validated route (GET /v1/sandbox/clock)
 * on a fresh embedded PostgreSQL. Prints JSON; no pass/fail here.
 *
 *   npm run bench:http       # BENCH_SECONDS=10 for longer runs
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { createLogger } from '../server/src/platform/logger.ts';
import { connectDatabase } from '../server/src/platform/database.ts';
import { startEmbeddedPostgres } from '../server/src/platform/embedded-db.ts';
import { migrate } from '../server/src/platform/migrations.ts';
import { ROLES } from '../server/src/modules/index.ts';
import { benchPlatform } from './bench-platform.ts';
import { figure, machine } from './figures.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-bench-'));
const logger = createLogger({ level: 'silent' });
const embedded = await startEmbeddedPostgres({ dataDir, port: 54_000 + Math.floor(Math.random() * 1000), database: 'chorecat', logger });
const db = connectDatabase(embedded.url, logger, { poolMax: 20 });
try {
  await migrate(db, logger, ROLES);
  const platform = await benchPlatform(db, logger, { RATE_LIMIT_PER_MINUTE: '100000000' });
  const [row] = (
    await db.sequelize.query(
      "INSERT INTO users (email, name, roles) VALUES ('bench@chorecat.test', 'Bench', ARRAY['manager']) RETURNING id",
    )
  )[0] as { id: string }[];
  const { token } = await platform.kernel.tokens.issueAccessToken({ id: row!.id, roles: ['manager'] });
  const server = platform.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const measure = async (pathName: string, headers: Record<string, string> = {}) => {
    const result = await autocannon({ url: `${url}${pathName}`, connections: 20, duration: seconds, headers });
    return {
      path: pathName,
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99 },
      non2xx: result.non2xx,
      errors: result.errors,
    };
  };
  const results = [await measure('/healthz'), await measure('/v1/sandbox/clock', { authorization: `Bearer ${token}` })];
  const figures = results.flatMap((r) => [
    figure(`${r.path} req/s`, r.requestsPerSecond, 'req/s'),
    figure(`${r.path} p99`, r.latencyMs.p99, 'ms'),
  ]);
  console.log(
    JSON.stringify(
      { bench: 'http-baseline', machine: machine(), seconds, connections: 20, cores: os.cpus().length, figures, results },
      null,
      2,
    ),
  );
  await new Promise((resolve) => server.close(resolve));
  await platform.stop();
} finally {
  await db.close();
  await embedded.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
