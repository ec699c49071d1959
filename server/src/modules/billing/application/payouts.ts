import type { Principal } from '../../../platform/http/auth.ts';
import { transaction, type Tx } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { Money, formatCents } from '../../../platform/money.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { systemClock } from '../../../platform/clock.ts';
import { verifyWebhookSignature } from '../../../platform/http/webhook-signature.ts';
import type { Schemas } from '../../../platform/http/contract.ts';
import { findContact } from '../../identity/index.ts';
import { alertOperators, sendEmail } from '../../notifications/index.ts';
import { payoutMade } from '../domain/emails.ts';
import { post } from '../infra/ledger.repository.ts';
import { findStatement, markStatementPaid } from '../infra/statements.repository.ts';
import { recordStatementEvents } from './record-statement-events.ts';
import { recordPayoutEvents } from './record-payout-events.ts';
import {
  claimDuePayouts,
  claimPayoutsToPoll,
  findPayout,
  lockPayout,
  lockPayoutByProviderId,
  makePayoutDue,
  markPayoutPaid,
  markPayoutProcessing,
  nextPendingPayoutAt,
  recordGoldenHatEvent,
  recordPayoutFailure,
  type PayoutRow,
} from '../infra/payouts.repository.ts';
import { GoldenHatError, type GoldenHatClient } from '../infra/golden-hat-client.ts';
import type { Billing } from './context.ts';

export interface Payouts extends Billing {
  goldenHat: GoldenHatClient;
}

/** 30 s, 1, 2, 4 … minutes between tries, at most an hour; managers are alerted at five failures in a row. */
export const payoutRetryDelayMs = (failures: number) => Math.min(30_000 * 2 ** Math.max(0, failures - 1), 60 * 60_000);
const ALERT_AFTER = 5;

const lock = (payouts: Payouts, tx: Tx, id: string) => lockPayout(payouts.kernel.db, tx, id);

/** Golden Hat paid it: the payout and its statement are paid, the money leaves the worker's account, the worker is emailed. */
async function markPaid(payouts: Payouts, tx: Tx, payout: PayoutRow): Promise<void> {
  const now = payouts.kernel.clock.now();
  const amount = Money.fromCents(BigInt(payout.amount_cents));
  // Callers hold the payout's lock and saw it processing; a payout paid already changes nothing, and is announced once.
  if (!(await markPayoutPaid(payouts.kernel.db, tx, payout.id, now))) return;
  await recordPayoutEvents(payouts, tx, 'payout.paid', { ids: [payout.id] });
  if (await markStatementPaid(payouts.kernel.db, tx, payout.statement_id, now)) {
    await recordStatementEvents(payouts, tx, 'statement.paid', [payout.statement_id]);
  }
  await post(
    payouts.kernel.db,
    tx,
    {
      kind: 'payout',
      reference: payout.id,
      description: `Payout ${payout.id} through Golden Hat (${payout.provider_payout_id})`,
      entries: [
        { account: { kind: 'worker', ownerId: payout.worker_id }, amount: Money.zero().minus(amount) },
        { account: { kind: 'external_out', ownerId: null }, amount },
      ],
    },
    now,
  );
  const contact = await findContact(payouts.kernel, payout.worker_id, tx);
  // The worker knows the statement by its month, not its id.
  const statement = await findStatement(payouts.kernel.db, payout.statement_id);
  if (contact && statement) {
    await sendEmail(payouts.kernel, tx, {
      template: payoutMade,
      to: contact.email,
      data: {
        name: contact.name,
        amount: amount.toString(),
        periodStart: new Date(statement.period_start),
        periodEnd: new Date(statement.period_end),
      },
      dedupeKey: `payout:${payout.id}:paid`,
    });
  }
}

/** What the worker is told of a failed try (GET /v1/payouts, `payout.failed`): its kind, and Golden Hat's own reason for failing it. */
const REASON_SHOWN = { unreachable: 'Golden Hat could not be reached', refused: 'Golden Hat refused the payout' } as const;
const failedReasonShown = (reason: string | null) => `Golden Hat failed the payout: ${reason ?? 'no reason given'}`.slice(0, 300);

/**
 * A failed try (Golden Hat down, or a payout it failed): recorded where
 * managers see it (`reason`, raw) and the worker (`shown`, with the
 * `payout.failed` event in the same transaction), retried with backoff.
 */
async function recordFailure(
  payouts: Payouts,
  payoutId: string,
  failure: { reason: string; shown: string },
  newAttempt: boolean,
  tx?: Tx,
): Promise<void> {
  const { reason } = failure;
  const run = async (t: Tx) => {
    const payout = await lock(payouts, t, payoutId);
    if (!payout || payout.status === 'paid') return undefined;
    const failures = payout.failures + 1;
    const now = payouts.kernel.clock.now();
    await recordPayoutFailure(payouts.kernel.db, t, {
      id: payout.id,
      failures,
      lastError: reason.slice(0, 500),
      reason: failure.shown,
      nextAttemptAt: new Date(now.getTime() + payoutRetryDelayMs(failures)),
      newAttempt,
    });
    await recordPayoutEvents(payouts, t, 'payout.failed', { ids: [payout.id] });
    return failures;
  };
  const failures = tx ? await run(tx) : await transaction(payouts.kernel.db, run);
  if (failures === ALERT_AFTER) {
    await alertOperators(payouts.kernel, {
      summary: `Payout ${payoutId} has failed ${failures} times`,
      detail: `The last error: ${reason}. Retries continue with backoff; managers can retry it now in the admin panel (Billing → Payouts).`,
      fingerprint: `payout:${payoutId}`,
    });
  }
}

/** What Golden Hat says of the current attempt: paid, failed (a new attempt will follow), or still processing. */
async function apply(
  payouts: Payouts,
  tx: Tx,
  payout: PayoutRow,
  status: 'processing' | 'paid' | 'failed',
  reason: string | null,
): Promise<void> {
  if (status === 'paid') return markPaid(payouts, tx, payout);
  if (status === 'failed')
    return recordFailure(
      payouts,
      payout.id,
      { reason: `Golden Hat failed the payout: ${reason ?? 'no reason given'}`, shown: failedReasonShown(reason) },
      true,
      tx,
    );
}

/** A try that failed and waits for its retry: what `billing.payouts` reports, so its run is a failed one. */
export interface PayoutFailure {
  failed: string;
}

const failedByGoldenHat = (payoutId: string, reason: string | null): PayoutFailure => ({
  failed: `payout ${payoutId}: Golden Hat failed it (${reason ?? 'no reason given'})`,
});

/**
 * Sends a pending payout (its current attempt's idempotency key makes a
 * repeated send one payout at Golden Hat). Returns the failure when Golden
 * Hat could not be reached, refused, or failed the payout at once.
 */
export async function sendPayout(payouts: Payouts, payoutId: string): Promise<PayoutFailure | undefined> {
  const payout = await findPayout(payouts.kernel.db, payoutId);
  if (!payout || payout.status !== 'pending') return undefined;
  const contact = await findContact(payouts.kernel, payout.worker_id);
  let answer;
  try {
    answer = await payouts.goldenHat.createPayout({
      idempotencyKey: `${payout.id}:${payout.attempt}`,
      reference: payout.id,
      amount: formatCents(payout.amount_cents),
      recipient: { id: payout.worker_id, name: contact?.name ?? 'Chorecat worker' },
    });
  } catch (error) {
    if (!(error instanceof GoldenHatError)) throw error;
    await recordFailure(payouts, payout.id, { reason: error.message, shown: REASON_SHOWN[error.kind] }, false);
    return { failed: `payout ${payout.id}: ${error.message}` };
  }
  const applied = await transaction(payouts.kernel.db, async (tx) => {
    const current = await lock(payouts, tx, payout.id);
    if (!current || current.status !== 'pending' || current.attempt !== payout.attempt) return false;
    const now = payouts.kernel.clock.now();
    await markPayoutProcessing(
      payouts.kernel.db,
      tx,
      payout.id,
      answer.id,
      new Date(now.getTime() + payouts.kernel.config.goldenHat.pollIntervalMs),
    );
    const updated = (await lock(payouts, tx, payout.id))!;
    await apply(payouts, tx, updated, answer.status, answer.failureReason);
    return true;
  });
  return applied && answer.status === 'failed' ? failedByGoldenHat(payout.id, answer.failureReason) : undefined;
}

/**
 * `billing.payouts`: sends due payouts, and asks Golden Hat about those
 * whose callback has not come. Each payout that failed (Golden Hat down,
 * refusing, or failing it) is recorded on the payout and retried with
 * backoff, and counted: the run reports them, so it is a failed run.
 */
export async function runPayouts(payouts: Payouts): Promise<{ sent: number; polled: number; failed: number; error?: string }> {
  const { db } = payouts.kernel;
  const now = payouts.kernel.clock.now();
  const due = await claimDuePayouts(db, now, new Date(now.getTime() + 60_000));
  const failures: PayoutFailure[] = [];
  for (const { id } of due) {
    const failure = await sendPayout(payouts, id);
    if (failure) failures.push(failure);
  }
  const polls = await claimPayoutsToPoll(db, now, new Date(now.getTime() + payouts.kernel.config.goldenHat.pollIntervalMs));
  for (const payout of polls) {
    try {
      const answer = await payouts.goldenHat.getPayout(payout.provider_payout_id!);
      const applied = await transaction(db, async (tx) => {
        const current = await lock(payouts, tx, payout.id);
        if (current?.status !== 'processing' || current.provider_payout_id !== answer.id) return false;
        await apply(payouts, tx, current, answer.status, answer.failureReason);
        return true;
      });
      if (applied && answer.status === 'failed') failures.push(failedByGoldenHat(payout.id, answer.failureReason));
    } catch (error) {
      if (!(error instanceof GoldenHatError)) throw error;
      payouts.kernel.logger.warn({ payoutId: payout.id, err: error.message }, 'Golden Hat poll failed; will poll again');
      failures.push({ failed: `payout ${payout.id}: ${error.message}` });
    }
  }
  return { sent: due.length, polled: polls.length, failed: failures.length, error: failures.at(-1)?.failed };
}

export const nextPayoutDueAt = (billing: Billing): Promise<Date | null> => nextPendingPayoutAt(billing.kernel.db);

export interface GoldenHatEvent {
  id: string;
  type: string;
  data: { payoutId?: string; reference?: string; failureReason?: string | null };
}

/** Golden Hat's signed callback: verified over the raw body in real time; each event handled once. */
export async function receiveGoldenHatEvent(
  payouts: Payouts,
  input: { rawBody: Buffer | undefined; signature: string | undefined; event: GoldenHatEvent },
): Promise<Schemas['SupplierEventReceipt']> {
  const verdict = verifyWebhookSignature({
    header: input.signature,
    rawBody: input.rawBody,
    secret: payouts.kernel.secrets.goldenHatWebhookSecret,
    nowSeconds: Math.floor(systemClock.now().getTime() / 1000),
  });
  if (verdict !== 'ok')
    throw new AppError(
      'BILLING.BAD_SIGNATURE',
      `The Golden-Hat-Signature header is ${verdict}: this callback was not signed by Golden Hat.`,
    );
  return transaction(payouts.kernel.db, async (tx) => {
    const first = await recordGoldenHatEvent(payouts.kernel.db, tx, {
      id: input.event.id,
      type: input.event.type,
      receivedAt: payouts.kernel.clock.now(),
    });
    if (!first) return { received: true, duplicate: true, handled: false };
    const payout = await lockPayoutByProviderId(payouts.kernel.db, tx, input.event.data.payoutId ?? '');
    // Only the current attempt's news counts (an older, failed attempt is history).
    if (!payout || payout.status !== 'processing') return { received: true, duplicate: false, handled: false };
    const status = input.event.type === 'payout.paid' ? 'paid' : input.event.type === 'payout.failed' ? 'failed' : 'processing';
    await apply(payouts, tx, payout, status, input.event.data.failureReason ?? null);
    return { received: true, duplicate: false, handled: status !== 'processing' };
  });
}

/** Managers need not wait for the backoff: the payout is tried again now (audited). */
export async function retryPayoutNow(payouts: Payouts, input: { actor: Principal; payoutId: string }) {
  await transaction(payouts.kernel.db, async (tx) => {
    const payout = await lock(payouts, tx, input.payoutId);
    if (!payout) throw new AppError('NOT_FOUND', 'No such payout.');
    if (payout.status !== 'pending')
      throw new AppError('BILLING.NOTHING_TO_RETRY', `The payout is ${payout.status}: there is nothing to retry.`);
    const now = payouts.kernel.clock.now();
    await makePayoutDue(payouts.kernel.db, tx, payout.id, now);
    await recordAudit(payouts.kernel.db, tx, payouts.kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'payout.retried',
      targetType: 'payout',
      targetId: payout.id,
      before: { status: payout.status, failures: payout.failures, lastError: payout.last_error, nextAttemptAt: payout.next_attempt_at },
      // What the retry changes here: the payout is due now (sending it follows the commit).
      after: { status: payout.status, nextAttemptAt: now },
    });
  });
  await sendPayout(payouts, input.payoutId);
  return { id: input.payoutId };
}
