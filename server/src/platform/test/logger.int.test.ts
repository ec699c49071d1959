import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger } from '../logger.ts';
import { sql } from '../database.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';

/** Log lines are read by more people than the database: a failed query's bind values must not reach them. */
describe('the logger', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform();
  });
  afterAll(() => t.close());

  it("logs a failed query's SQL and message, never its parameters (secrets, hashes, sealed webhook secrets)", async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString('utf8'));
          done();
        },
      }),
    });
    const sealed = 'v1.sealed-secret-that-must-not-be-logged';
    await sql(t.db, 'CREATE TABLE logger_probe (v text NOT NULL CHECK (length(v) < 5))');
    // The bind values (Sequelize keeps them on the error), and PostgreSQL's detail ("Failing row contains (…)").
    const violation = await sql(t.db, 'INSERT INTO logger_probe (v) VALUES ($1)', [sealed]).catch((e: unknown) => e);
    const other = await sql(t.db, 'SELECT $1::text AS v, 1 / 0 AS n', [sealed]).catch((e: unknown) => e);
    expect(violation).toBeInstanceOf(Error);
    expect(other).toBeInstanceOf(Error);
    // As the problem handler and the scheduler log what they catch.
    logger.error({ err: violation }, 'request failed');
    logger.error({ err: other }, 'job failed');
    logger.error({ error: violation }, 'job failed');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('violates check constraint');
    expect(lines[1]).toContain('division by zero');
    for (const line of lines) expect(line).not.toContain(sealed);
  });
});
