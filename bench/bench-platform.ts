import { loadConfig, type Secrets } from '../server/src/platform/config.ts';
import type { Database } from '../server/src/platform/database.ts';
import type { Logger } from '../server/src/platform/logger.ts';
import type { MailTransport } from '../server/src/platform/mail.ts';
import { createPlatform } from '../server/src/app.ts';
import { MODULES } from '../server/src/modules/index.ts';

/** The platform as benchmarks run it: development config on the given database, silent, fixed secrets, no mail (unless a transport is given), no stand-ins. */
export function benchPlatform(db: Database, logger: Logger, env: Record<string, string> = {}, mailTransport?: MailTransport) {
  const config = loadConfig(
    {
      NODE_ENV: 'development',
      DATABASE_URL: db.url,
      LOG_LEVEL: 'silent',
      SUPPLIER_STAND_IN: '0',
      GOLDEN_HAT_STAND_IN: '0',
      ...env,
    },
    MODULES,
  );
  return createPlatform({
    config,
    // Fixed, one per declared secret (the kernel's and each module's), so runs are comparable and write no secrets file.
    secrets: Object.fromEntries(
      Object.keys(config.secretVariables).map((name) => [name, `${name}-bench-secret`.padEnd(40, 'x')]),
    ) as unknown as Secrets,
    db,
    logger,
    mailTransport: mailTransport ?? { name: 'none', send: async () => undefined },
  });
}
