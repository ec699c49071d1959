import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, ensureDatabase, type EmbeddedDatabase } from '../../src/platform/embedded-db.ts';
import { connectDatabase } from '../../src/platform/database.ts';
import { migrate } from '../../src/platform/migrations.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { ROLES } from '../../src/modules/index.ts';
import { bundlePanelComponents } from '../../../admin/scripts/panel-bundle.ts';

/**
 * One real PostgreSQL for the whole run: embedded (a fresh cluster in a
 * temporary folder) unless DATABASE_URL names a server to use. Migrations
 * run once into a template database; every test file clones it.
 *
 * And one admin panel bundle for the whole run (the production bundle, as
 * `npm run build` ships it), made while PostgreSQL starts, or found in its
 * cache when the components have not changed: every test platform serves
 * it (`testPanel()`), none bundles the panel itself.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    maintenanceUrl: string;
    templateDatabase: string;
    /** The folder holding the panel's prebuilt `bundle.js`. */
    panelBundleDir: string;
  }
}

export const TEMPLATE = 'chorecat_test_template';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logger = createLogger({ level: 'silent' });
  const panelBundle = bundlePanelComponents({ mode: 'production' });
  // Awaited below; a rejection before then must not count as unhandled.
  panelBundle.catch(() => undefined);
  let embedded: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  let maintenanceUrl: string;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    maintenanceUrl = url.toString();
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-test-'));
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres', logger, throwaway: true });
    maintenanceUrl = embedded.adminUrl('postgres');
  }
  const admin = new pg.Client({ connectionString: maintenanceUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(maintenanceUrl, TEMPLATE);
  const templateUrl = new URL(maintenanceUrl);
  templateUrl.pathname = `/${TEMPLATE}`;
  const db = connectDatabase(templateUrl.toString(), logger);
  await migrate(db, logger, ROLES);
  await db.close();
  project.provide('maintenanceUrl', maintenanceUrl);
  project.provide('templateDatabase', TEMPLATE);
  const teardown = async () => {
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    project.provide('panelBundleDir', (await panelBundle).dir);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
