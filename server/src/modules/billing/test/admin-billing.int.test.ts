import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type supertest from 'supertest';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { signedInPanel, testPanel } from '../../../../test/helpers/panel.ts';

describe('billing in the admin panel', () => {
  let t: TestPlatform;
  let panel: supertest.Agent;
  let manager: { id: string; email: string };
  beforeAll(async () => {
    t = await createTestPlatform({
      mountBeforeApi: testPanel(),
    });
    manager = await t.userWithRoles(['manager']);
    panel = await signedInPanel(t, manager.email);
  });
  afterAll(() => t.close());

  it('rewards a worker through the use case (validated, audited), and lists statements, invoices and the ledger', async () => {
    const worker = await t.userWithRoles(['worker']);
    const bad = await panel
      .post('/admin/api/resources/rewards/actions/new')
      .field('workerId', worker.id)
      .field('amount', '12')
      .field('reason', 'x');
    expect(bad.body.notice).toMatchObject({ type: 'error', message: expect.stringMatching(/two decimals/) });
    const client = await t.userWithRoles(['client']);
    const notWorker = await panel
      .post('/admin/api/resources/rewards/actions/new')
      .field('workerId', client.id)
      .field('amount', '5.00')
      .field('reason', 'x');
    expect(notWorker.body.notice).toMatchObject({ type: 'error', message: 'No such worker.' });
    const granted = await panel
      .post('/admin/api/resources/rewards/actions/new')
      .field('workerId', worker.id)
      .field('amount', '25.00')
      .field('reason', 'Helped on a busy Sunday');
    expect(granted.body.notice).toMatchObject({ type: 'success' });
    expect(await sql(t.db, 'SELECT amount_cents FROM rewards WHERE worker_id = $1', [worker.id])).toEqual([{ amount_cents: '2500' }]);
    expect(await sql(t.db, "SELECT 1 FROM audit_log WHERE action = 'worker.rewarded' AND actor_id = $1", [manager.id])).toHaveLength(1);
    // "Reward…" on the worker's own screen (Hiring → Worker Profiles), through the same use case.
    await t.db.sequelize.query(
      "INSERT INTO worker_profiles (user_id, worker_code, name, breed, age, skills, hired_at) VALUES ($1, 'CLW-SIA-2031-9001', 'Tom', 'Siamese', 3, '{claws}', now())",
      { bind: [worker.id] },
    );
    const form = await panel.get(`/admin/api/resources/worker_profiles/records/${worker.id}/reward`);
    expect(form.status).toBe(200);
    expect(form.body.record.params.workerCode).toBe('CLW-SIA-2031-9001');
    const refused = await panel
      .post(`/admin/api/resources/worker_profiles/records/${worker.id}/reward`)
      .field('amount', '0.00')
      .field('reason', 'x');
    expect(refused.body.notice).toMatchObject({ type: 'error' });
    const onWorker = await panel
      .post(`/admin/api/resources/worker_profiles/records/${worker.id}/reward`)
      .field('amount', '10.50')
      .field('reason', 'Spotless kitchen');
    expect(onWorker.body.notice).toMatchObject({ type: 'success' });
    expect(onWorker.body.redirectUrl).toContain(`/admin/resources/rewards?filters.workerId=${worker.id}`);
    expect(await sql(t.db, 'SELECT amount_cents, reason FROM rewards WHERE worker_id = $1 ORDER BY amount_cents', [worker.id])).toEqual([
      { amount_cents: '1050', reason: 'Spotless kitchen' },
      { amount_cents: '2500', reason: 'Helped on a busy Sunday' },
    ]);
    expect(await sql(t.db, "SELECT 1 FROM audit_log WHERE action = 'worker.rewarded' AND actor_id = $1", [manager.id])).toHaveLength(2);
    for (const resource of ['statements', 'invoices', 'ledger_accounts', 'ledger_entries', 'top_ups', 'rewards']) {
      const res = await panel.get(`/admin/api/resources/${resource}/actions/list`);
      expect(res.status, resource).toBe(200);
      expect(res.body.records, resource).toBeInstanceOf(Array);
    }
  });
});
