import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.ts';
import { startWorld, until, type World } from '../helpers/killed-server.ts';

/**
 * A kill aimed at the payouts run's dangerous moment (issue #18, fault 2):
 * Golden Hat has accepted a payout, and the process that asked is SIGKILLed
 * before it recorded the answer. The run is `chorecat jobs run
 * billing.payouts` (a real process, as an operator or the scheduler runs
 * it); Golden Hat's stand-in holds its answer back, so the kill lands in
 * that window. The next run asks again with the same idempotency key: one
 * payout at Golden Hat (its own record), paid once, one email, the ledger
 * balanced.
 */
describe('a payouts run killed between Golden Hat accepting a payout and recording it', () => {
  let world: World;
  const q: World['q'] = (text, params) => world.q(text, params);

  beforeAll(async () => {
    world = await startWorld(3692);
    // Settled only when the test says so: no callback may pay the payout while the killed run still waits.
    world.goldenHat.options.settleDelayMs = null;
    await world.server.up();
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it('pays the statement exactly once after the restart', { timeout: 240_000 }, async () => {
    const auth = await world.signIn('manager@chorecat.test');
    const [worker] = await q<{ id: string; email: string }>("SELECT id, email FROM users WHERE email = 'worker1@chorecat.test'");
    const reward = await fetch(`${world.base}/v1/workers/${worker!.id}/rewards`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ amount: '12.34', reason: 'Stayed calm through an aimed kill' }),
    });
    expect(reward.status, await reward.clone().text()).toBe(201);

    // The month's statement (the reward is its one line), then its payout due.
    const now = new Date();
    const asOf = (minutes: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 12, minutes)).toISOString();
    const statements = await runCli(['jobs', 'run', 'billing.monthly-statements', '--as-of', asOf(0)], world.server.env);
    expect(statements.code, statements.stdout + statements.stderr).toBe(0);
    const [payout] = await q<{ id: string; status: string }>(
      'SELECT p.id, p.status FROM payouts p JOIN statements s ON s.id = p.statement_id WHERE s.worker_id = $1',
      [worker!.id],
    );
    expect(payout?.status).toBe('pending');

    // Golden Hat makes the payout but holds its answer; the run is killed while it waits.
    world.goldenHat.delayNext(1, 30_000);
    const run = spawnCli(['jobs', 'run', 'billing.payouts', '--as-of', asOf(1)], world.server.env);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => run.on('exit', (_code, signal) => resolve(signal)));
    await until('Golden Hat holding the payout', async () => world.goldenHat.payouts.size === 1, 60_000);
    run.kill('SIGKILL');
    expect(await ended).toBe('SIGKILL');
    const [atGoldenHat] = [...world.goldenHat.payouts.values()];
    expect(atGoldenHat).toMatchObject({ reference: payout!.id, amount: '12.34', status: 'processing' });
    // Chorecat never heard the answer: the payout is still pending, with no Golden Hat id.
    expect(await q('SELECT status, provider_payout_id FROM payouts WHERE id = $1', [payout!.id])).toEqual([
      { status: 'pending', provider_payout_id: null },
    ]);

    // The next run (past the claim's hold) asks again with the same key: Golden Hat answers with the payout it made.
    const again = await runCli(['jobs', 'run', 'billing.payouts', '--as-of', asOf(5)], world.server.env);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(world.goldenHat.payouts.size).toBe(1);
    expect(await q('SELECT status, provider_payout_id FROM payouts WHERE id = $1', [payout!.id])).toEqual([
      { status: 'processing', provider_payout_id: atGoldenHat!.id },
    ]);
    // Golden Hat settles it and calls back: paid, once.
    expect(await world.goldenHat.settle(atGoldenHat!.id)).toBe(200);
    await until('the payout paid', async () => {
      const [row] = await q<{ status: string }>('SELECT status FROM payouts WHERE id = $1', [payout!.id]);
      return row?.status === 'paid';
    });
    expect(world.goldenHat.paidFor(payout!.id)).toHaveLength(1);
    expect(
      await q('SELECT count(*)::int AS n FROM payouts WHERE statement_id = (SELECT statement_id FROM payouts WHERE id = $1)', [payout!.id]),
    ).toEqual([{ n: 1 }]);
    expect(await q('SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING sum(amount_cents) <> 0')).toEqual([]);
    await until('the payout email', async () =>
      world.smtp.received.some((m) => m.to.includes(worker!.email) && m.subject === 'Payout made: 12.34 cat-units'),
    );
    expect(world.smtp.received.filter((m) => m.to.includes(worker!.email) && m.subject.startsWith('Payout made'))).toHaveLength(1);
  });
});
