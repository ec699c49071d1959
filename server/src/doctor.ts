import { resolveSecrets } from './platform/config.ts';
import { createLogger } from './platform/logger.ts';
import { checkConfiguration, checkDatabase, checkDeadClientCheck, checkMigrations } from './platform/doctor.ts';
import { runHealthChecks, type HealthResult } from './platform/health.ts';
import { createPlatform } from './app.ts';
import { openDatabase } from './runtime.ts';
import { MODULES } from './modules/index.ts';

/**
 * `chorecat doctor`: the kernel's checks (configuration, database,
 * migrations), then every module's `health` checks at the platform clock.
 * A check that cannot run for want of an earlier one (no database without a
 * valid configuration) is not run. Exit code 1 when any check fails.
 */
export async function runDoctor(env: NodeJS.ProcessEnv): Promise<{ results: HealthResult[]; code: number }> {
  const results: HealthResult[] = [];
  const done = () => ({ results, code: results.some((r) => r.status === 'fail') ? 1 : 0 });
  const configured = checkConfiguration(env, MODULES);
  results.push(...configured.results);
  const config = configured.config;
  if (!config) return done();
  const logger = createLogger({ level: env.LOG_LEVEL ?? 'warn' });
  let opened: Awaited<ReturnType<typeof openDatabase>>;
  try {
    opened = await openDatabase(config, logger);
  } catch (error) {
    results.push({ name: 'database', status: 'fail', detail: error instanceof Error ? error.message : String(error) });
    return done();
  }
  const { db, embedded } = opened;
  try {
    const database = await checkDatabase(db);
    results.push(database);
    if (database.status === 'fail') return done();
    results.push(await checkDeadClientCheck(db));
    results.push(await checkMigrations(db));
    let platform: Awaited<ReturnType<typeof createPlatform>>;
    try {
      const mailTransport = { name: 'none', send: () => Promise.reject(new Error('the doctor sends nothing')) };
      platform = await createPlatform({ config, secrets: resolveSecrets(config), db, logger, mailTransport });
    } catch (error) {
      results.push({ name: 'modules', status: 'fail', detail: `not built: ${error instanceof Error ? error.message : String(error)}` });
      return done();
    }
    const checks = platform.modules.flatMap((m) => m.health ?? []);
    results.push(...(await runHealthChecks(checks, platform.kernel.clock.now())));
    return done();
  } finally {
    await db.close();
    await embedded?.stop();
  }
}
