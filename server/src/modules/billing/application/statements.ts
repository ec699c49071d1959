import { isManager, type Principal } from '../../../platform/http/auth.ts';
import { groupBy } from '../../../platform/group-by.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { Money, formatCents } from '../../../platform/money.ts';
import { decodeCursor, page } from '../../../platform/pagination.ts';
import { lastCronOccurrence } from '../../../platform/scheduler.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { enqueueSelected } from '../../../platform/outbox.ts';
import { resolvePrincipal } from '../../identity/index.ts';
import { periodNet } from '../domain/earnings.ts';
import {
  earningsBetween,
  insertReward,
  issueStatements,
  listStatementRows,
  statementLinesOf,
  type StatementLineRow,
  type StatementRow,
} from '../infra/statements.repository.ts';
import { recordStatementEvents } from './record-statement-events.ts';
import { recordPayoutEvents } from './record-payout-events.ts';
import type { Billing } from './context.ts';

/** Statements are issued on the last day of each month at 23:00 in the business time zone (SPEC §8). */
export const STATEMENT_CRON = '0 23 L * *';
export const STATEMENT_EMAIL_TOPIC = 'billing.statement-email';

/**
 * The month-end job, set-based in one transaction: statements and their
 * lines, the month in the ledger, the emails queued. A crash rolls it all
 * back; a second run for the same month issues nothing.
 */
export async function issueMonthlyStatements(billing: Billing, asOf: Date): Promise<{ periodEnd: string; issued: number }> {
  const { kernel } = billing;
  const periodEnd = lastCronOccurrence(STATEMENT_CRON, kernel.config.businessTimeZone, asOf);
  return transaction(kernel.db, async (tx) => {
    const issued = await issueStatements(kernel.db, tx, periodEnd, kernel.clock.now());
    await recordStatementEvents(
      billing,
      tx,
      'statement.issued',
      issued.map((s) => s.id),
    );
    // Only this run's statements: a second run issues none, so no payout is announced twice.
    await recordPayoutEvents(billing, tx, 'payout.created', {
      statementIds: issued.filter((s) => s.status === 'payable').map((s) => s.id),
    });
    if (issued.length) {
      await enqueueSelected(kernel.db, tx, kernel.clock, {
        topic: STATEMENT_EMAIL_TOPIC,
        select: `SELECT 'statement:' || id || ':issued' AS dedupe_key, jsonb_build_object('statementId', id) AS payload FROM unnest($1::uuid[]) AS id`,
        params: [issued.map((s) => s.id)],
      });
    }
    return { periodEnd: periodEnd.toISOString(), issued: issued.length };
  });
}

/** A statement on the wire (GET /v1/statements). */
export function toStatementView(s: StatementRow, lines: StatementLineRow[]) {
  return {
    id: s.id,
    workerId: s.worker_id,
    periodStart: new Date(s.period_start).toISOString(),
    periodEnd: new Date(s.period_end).toISOString(),
    lines: lines.map((l) => ({
      kind: l.kind,
      orderId: l.order_id,
      rewardId: l.reward_id,
      correctionId: l.correction_id,
      tipId: l.tip_id,
      description: l.description,
      amount: formatCents(l.amount_cents),
      at: new Date(l.at).toISOString(),
    })),
    earned: formatCents(s.earned_cents),
    fines: formatCents(s.fines_cents),
    rewards: formatCents(s.rewards_cents),
    adjustments: formatCents(s.adjustments_cents),
    tips: formatCents(s.tips_cents),
    debtCarried: formatCents(s.debt_carried_cents),
    net: formatCents(s.net_cents),
    status: s.status,
    issuedAt: new Date(s.issued_at).toISOString(),
    paidAt: s.paid_at ? new Date(s.paid_at).toISOString() : null,
  };
}

export type StatementView = ReturnType<typeof toStatementView>;

export async function listStatements(billing: Billing, viewer: Principal, query: { limit: number; cursor?: string; workerId?: string }) {
  const rows = await listStatementRows(billing.kernel.db, {
    workerId: isManager(viewer) ? query.workerId : viewer.id,
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const lines = await statementLinesOf(
    billing.kernel.db,
    rows.map((r) => r.id),
  );
  const linesByStatement = groupBy(lines, (l) => l.statement_id);
  const views = rows.map((s) => toStatementView(s, linesByStatement.get(s.id) ?? []));
  return page(views, query.limit, (s) => ({ at: s.periodEnd, id: s.id }));
}

/** A worker's earnings for a period (default: the current month so far). */
export async function getEarnings(billing: Billing, viewer: Principal, query: { from?: string; to?: string; workerId?: string }) {
  const workerId = isManager(viewer) && query.workerId ? query.workerId : viewer.id;
  const now = billing.kernel.clock.now();
  const from = query.from ? new Date(query.from) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const to = query.to ? new Date(query.to) : now;
  const e = await earningsBetween(billing.kernel.db, workerId, from, to);
  const net = periodNet(e);
  return {
    workerId,
    from: from.toISOString(),
    to: to.toISOString(),
    completedOrders: Number(e.completed),
    failedOrders: Number(e.failed),
    earned: formatCents(e.earned),
    fines: formatCents(e.fines),
    rewards: formatCents(e.rewards),
    adjustments: formatCents(e.adjustments),
    tips: formatCents(e.tips),
    net: formatCents(net),
  };
}

export const MAX_REWARD = Money.parse('10000.00');

/** A manager credits a worker (SPEC §8): paid with the next statement; audited. */
export async function grantReward(
  billing: Billing,
  input: { actor: Principal; workerId: string; amount: string; reason: string; requestId?: string },
) {
  const { kernel } = billing;
  if (!/^\d{1,15}\.\d{2}$/.test(input.amount)) {
    throw new AppError('VALIDATION.FAILED', 'The amount is cat-units with two decimals, e.g. 15.50.', {
      errors: [{ path: '/body/amount', message: 'must look like 15.50' }],
    });
  }
  if (!input.reason.trim()) {
    throw new AppError('VALIDATION.FAILED', 'Give the reason for the reward.', {
      errors: [{ path: '/body/reason', message: 'must not be empty' }],
    });
  }
  const amount = Money.parse(input.amount);
  if (amount.cents <= 0n || amount.cents > MAX_REWARD.cents) {
    throw new AppError('BILLING.AMOUNT_OUT_OF_RANGE', `A reward is more than 0.00 and at most ${MAX_REWARD.toString()}.`, {
      errors: [{ path: '/body/amount', message: `must be 0.01 to ${MAX_REWARD.toString()}` }],
    });
  }
  const worker = await resolvePrincipal(kernel, input.workerId);
  if (!worker?.roles.includes('worker')) throw new AppError('NOT_FOUND', 'No such worker.');
  return transaction(kernel.db, async (tx) => {
    const now = kernel.clock.now();
    const reward = await insertReward(kernel.db, tx, {
      workerId: input.workerId,
      amountCents: amount.cents,
      reason: input.reason.trim(),
      createdBy: input.actor.id,
      now,
    });
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'worker.rewarded',
      targetType: 'worker',
      targetId: input.workerId,
      after: { rewardId: reward.id, amount: amount.toString(), reason: input.reason.trim() },
      requestId: input.requestId,
    });
    return {
      id: reward.id,
      workerId: input.workerId,
      amount: amount.toString(),
      reason: input.reason.trim(),
      createdAt: new Date(reward.created_at).toISOString(),
    };
  });
}
