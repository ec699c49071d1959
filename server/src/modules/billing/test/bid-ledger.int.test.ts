import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql, transaction } from '../../../platform/database.ts';
import { Money } from '../../../platform/money.ts';
import { createBidLedger, type BidLedger } from '../application/bid-ledger.ts';
import { reconcileLedger } from '../application/reconcile.ts';
import { PAYMENT_PROVIDERS } from '../infra/providers/index.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

/** Billing's service to bids: stakes, a settled pot, a paid share, each once, in the caller's transaction. */
describe('billing: the bid ledger', () => {
  let t: TestPlatform;
  let ledger: BidLedger;
  beforeAll(async () => {
    t = await createTestPlatform();
    ledger = createBidLedger(t.platform.kernel);
  });
  afterAll(() => t.close());

  const balances = async (ids: string[]) =>
    Object.fromEntries(
      (
        await sql<{ kind: string; owner_id: string | null; total: string }>(
          t.db,
          `SELECT a.kind, a.owner_id, sum(e.amount_cents)::text AS total FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id
           WHERE a.owner_id = ANY($1::uuid[]) GROUP BY a.kind, a.owner_id`,
          [ids],
        )
      ).map((r) => [`${r.kind}:${r.owner_id}`, r.total]),
    );
  const cents = (text: string) => Money.parse(text);

  it('moves stakes into the pot, the pot to the winners, a paid share out; reconciles; refuses a repeat or a split that does not add up', async () => {
    const [order, winner, loser, share] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await transaction(t.db, async (tx) => {
      await ledger.postStake(tx, { bidId: randomUUID(), orderId: order, managerId: winner, amount: cents('3.00') });
      await ledger.postStake(tx, { bidId: randomUUID(), orderId: order, managerId: loser, amount: cents('7.00') });
    });
    expect(await balances([order, winner, loser])).toEqual({
      [`bid_pot:${order}`]: '1000',
      [`bids:${winner}`]: '-300',
      [`bids:${loser}`]: '-700',
    });
    // Shares and developers' share must be the pot, or nothing is posted.
    await expect(
      transaction(t.db, (tx) =>
        ledger.settlePot(tx, {
          orderId: order,
          pot: cents('10.00'),
          shares: [{ shareId: share, managerId: winner, amount: cents('9.99') }],
          developersShare: Money.zero(),
        }),
      ),
    ).rejects.toThrow('does not add up');
    const settle = (tx: Parameters<BidLedger['settlePot']>[0]) =>
      ledger.settlePot(tx, {
        orderId: order,
        pot: cents('10.00'),
        shares: [{ shareId: share, managerId: winner, amount: cents('10.00') }],
        developersShare: Money.zero(),
      });
    await transaction(t.db, settle);
    await expect(transaction(t.db, settle)).rejects.toThrow('already holds bid_settlement');
    await transaction(t.db, (tx) => ledger.markSharePaid(tx, { shareId: share, managerId: winner, amount: cents('10.00') }));
    await expect(
      transaction(t.db, (tx) => ledger.markSharePaid(tx, { shareId: share, managerId: winner, amount: cents('10.00') })),
    ).rejects.toThrow('already holds bid_share_paid');
    expect(await balances([order, winner, loser])).toEqual({
      [`bid_pot:${order}`]: '0',
      [`bids:${winner}`]: '-300',
      [`bids:${loser}`]: '-700',
      [`bid_shares:${winner}`]: '0',
    });
    expect(await reconcileLedger({ kernel: t.platform.kernel, provider: PAYMENT_PROVIDERS['sandbox-card']! })).toEqual({
      ok: true,
      unbalanced: 0,
      grandTotal: '0',
    });
  });

  it('keeps the new accounts owned: a bid account without an owner is refused by the database', async () => {
    await expect(
      sql(t.db, "INSERT INTO ledger_accounts (kind, owner_id, created_at) VALUES ('bid_pot', NULL, now()) RETURNING id"),
    ).rejects.toThrow(/ledger_accounts_owner_check/);
    await expect(
      sql(t.db, "INSERT INTO ledger_accounts (kind, owner_id, created_at) VALUES ('developers', $1, now()) RETURNING id", [randomUUID()]),
    ).rejects.toThrow(/ledger_accounts_owner_check/);
  });
});
