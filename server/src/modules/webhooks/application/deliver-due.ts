import { randomInt } from 'node:crypto';
import { transaction } from '../../../platform/database.ts';
import type { JobOutcome } from '../../../platform/scheduler.ts';
import { afterFailure, RETRY_WINDOW_MS } from '../domain/retry.ts';
import { signatureHeader } from '../domain/signature.ts';
import { parseEndpointUrl } from '../domain/address.ts';
import type { AttemptResult } from '../infra/http-sender.ts';
import {
  dueDeliveries,
  insertAttempt,
  leaseDeliveries,
  lockPendingDelivery,
  recordAttemptIfUnchanged,
  releaseDeliveries,
  updateDeliveryAfterAttempt,
  type DueDelivery,
} from '../infra/webhooks.repository.ts';
import { disableEndpoint } from './disable-endpoint.ts';
import type { Webhooks } from './context.ts';

/**
 * Deliveries one run takes per endpoint lane (a run starts nothing new once a timeout has passed).
 * 25 capped a healthy endpoint at 12 deliveries a second (a run every 2 s): a burst of orders
 * queued faster than that (bench/outbox.ts: 200 orders, 400 deliveries, 40 s behind); 250 at
 * ~10 ms each fit well inside the timeout, and a slow endpoint's lane still stops at its first
 * slow attempt.
 */
const PER_LANE = 250;
const RUN_LIMIT = 5_000;
/**
 * How long a run waits for one attempt. A healthy endpoint answers well within it; an attempt still
 * going then finishes (or times out) on its own and records itself, its endpoint left out of later
 * runs meanwhile (its lease), and the run, and so the next run's fan-out, goes on for everyone else.
 */
export const ATTEMPT_PATIENCE_MS = 1_000;
/** A lease outlives its attempt's deadline by this much (the attempt's record is written after it). */
const LEASE_MARGIN_MS = 30_000;
/** Deliveries of one endpoint a run leases with one statement (a crash holds them until the lease ends). */
const LEASE_BATCH = 25;

/** The work's result, or undefined once `ms` have passed first (the work goes on). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const patience = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  try {
    return await Promise.race([work, patience]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends the due deliveries (SPEC §13): every endpoint at once, each through
 * its own few lanes (`WEBHOOKS_PER_ENDPOINT_CONCURRENCY`), each attempt
 * bounded by the timeout and holding its delivery by a lease meanwhile. An
 * endpoint's lanes stop at its first failure, and at an attempt that takes
 * longer than `ATTEMPT_PATIENCE_MS`: the run does not wait for it (it ends
 * and records itself on its own, and its endpoint waits for it: one at a
 * time, in order), so a slow or dead endpoint holds up neither the other
 * endpoints nor the next run. Each attempt is recorded (the delivery log)
 * with the delivery's next step in its own transaction, after the send.
 */
export async function deliverDue(webhooks: Webhooks): Promise<JobOutcome> {
  const { kernel } = webhooks;
  const { perEndpointConcurrency, timeoutMs } = kernel.config.webhooks;
  const due = await dueDeliveries(kernel.db, { now: kernel.clock.now(), perEndpoint: perEndpointConcurrency * PER_LANE, limit: RUN_LIMIT });
  const byEndpoint = new Map<string, DueDelivery[]>();
  for (const delivery of due) byEndpoint.set(delivery.endpoint_id, [...(byEndpoint.get(delivery.endpoint_id) ?? []), delivery]);
  const started = performance.now();
  let failed = 0;
  let lastError: string | undefined;
  // An attempt starts before the run's timeout and ends within another: a lease covers the rest of the run.
  const leaseMs = 2 * timeoutMs + LEASE_MARGIN_MS;
  const endpoints = [...byEndpoint.values()].map(async (queue) => {
    let stop = false;
    const leased: DueDelivery[] = [];
    let leasing: Promise<void> | undefined;
    // The endpoint's next delivery this run holds, leasing the next few at once when none is left;
    // one lease at a time per endpoint, so its lanes share them in order.
    const next = async (): Promise<DueDelivery | undefined> => {
      while (leased.length === 0 && queue.length > 0) {
        leasing ??= (async () => {
          const chunk = queue.splice(0, LEASE_BATCH);
          // Held by another attempt (another process's run), or no longer pending: not this run's.
          const taken = await leaseDeliveries(
            kernel.db,
            chunk.map((delivery) => delivery.id),
            leaseMs,
          );
          leased.push(...chunk.filter((delivery) => taken.has(delivery.id)));
        })().finally(() => {
          leasing = undefined;
        });
        await leasing;
      }
      return leased.shift();
    };
    const lane = async () => {
      while (!stop && performance.now() - started < timeoutMs) {
        const delivery = await next();
        if (!delivery) return;
        const attempt = attemptDelivery(webhooks, delivery);
        const result = await within(attempt, ATTEMPT_PATIENCE_MS);
        if (!result) {
          // A slow endpoint: its attempt goes on by itself; this run does not wait for it.
          stop = true;
          attempt.catch((error: unknown) =>
            kernel.logger.error({ err: error, deliveryId: delivery.id }, 'webhook attempt failed to record'),
          );
          return;
        }
        if (!result.ok) {
          stop = true;
          failed++;
          lastError = result.error ?? `HTTP ${result.statusCode}`;
        }
      }
    };
    await Promise.all(Array.from({ length: perEndpointConcurrency }, lane));
    await leasing;
    // What this run leased and did not send: the next run (or another process) takes it at once.
    await releaseDeliveries(
      kernel.db,
      leased.map((delivery) => delivery.id),
    );
  });
  await Promise.all(endpoints);
  return { failed, error: lastError };
}

/** One attempt of one delivery: the address checked again (SSRF, no rebinding), signed, sent, recorded. */
export async function attemptDelivery(webhooks: Webhooks, delivery: DueDelivery): Promise<AttemptResult> {
  const { kernel } = webhooks;
  const result = await send(webhooks, delivery);
  webhooks.counters?.attempts.inc({ outcome: result.ok ? 'succeeded' : 'failed' });
  if (await recordQuickly(webhooks, delivery, result)) return result;
  await transaction(kernel.db, async (tx) => {
    const now = kernel.clock.now();
    await insertAttempt(kernel.db, tx, {
      deliveryId: delivery.id,
      endpointId: delivery.endpoint_id,
      ...attemptLog(result, now),
    });
    // Deleted (or sent by another run) meanwhile: the attempt is logged, the delivery left as it is.
    const current = await lockPendingDelivery(kernel.db, tx, delivery.id);
    if (!current) return;
    const giveUpAt = current.give_up_at ?? new Date(now.getTime() + RETRY_WINDOW_MS);
    if (result.ok) {
      await updateDeliveryAfterAttempt(kernel.db, tx, {
        id: current.id,
        status: 'succeeded',
        nextAttemptAt: null,
        giveUpAt,
        statusCode: result.statusCode,
        error: null,
        finishedAt: now,
      });
      return;
    }
    const next = afterFailure({ attempts: current.attempts + 1, now, giveUpAt, random: randomInt(0, 1_000_000) / 1_000_000 });
    const error = result.error ?? `HTTP ${result.statusCode}`;
    if ('retryAt' in next) {
      await updateDeliveryAfterAttempt(kernel.db, tx, {
        id: current.id,
        status: 'pending',
        nextAttemptAt: next.retryAt,
        giveUpAt,
        statusCode: result.statusCode,
        error,
        finishedAt: null,
      });
      return;
    }
    await updateDeliveryAfterAttempt(kernel.db, tx, {
      id: current.id,
      status: 'failed',
      nextAttemptAt: null,
      giveUpAt,
      statusCode: result.statusCode,
      error,
      finishedAt: now,
    });
    await disableEndpoint(webhooks, tx, {
      endpointId: current.endpoint_id,
      reason: `a delivery of ${current.event_type} (event ${current.event_id}) failed for 3 days; the last attempt: ${error}`,
    });
  });
  return result;
}

/**
 * The common outcomes (a success, a failure to retry) in one statement, computed from the delivery
 * as the run read it; false when that is no longer its state (the statement then wrote nothing) or
 * the outcome is a give-up (which disables the endpoint): the locking transaction records those.
 */
async function recordQuickly(webhooks: Webhooks, delivery: DueDelivery, result: AttemptResult): Promise<boolean> {
  const { kernel } = webhooks;
  const now = kernel.clock.now();
  const giveUpAt = delivery.give_up_at ?? new Date(now.getTime() + RETRY_WINDOW_MS);
  const error = result.ok ? null : (result.error ?? `HTTP ${result.statusCode}`);
  let nextAttemptAt: Date | null = null;
  if (!result.ok) {
    const next = afterFailure({ attempts: delivery.attempts + 1, now, giveUpAt, random: randomInt(0, 1_000_000) / 1_000_000 });
    if (!('retryAt' in next)) return false;
    nextAttemptAt = next.retryAt;
  }
  return recordAttemptIfUnchanged(kernel.db, {
    expected: { attempts: delivery.attempts, giveUpAt: delivery.give_up_at },
    attempt: attemptLog(result, now),
    next: {
      id: delivery.id,
      status: result.ok ? 'succeeded' : 'pending',
      nextAttemptAt,
      giveUpAt,
      error,
      finishedAt: result.ok ? now : null,
    },
  });
}

/** The delivery log's row for an attempt's result. */
function attemptLog(result: AttemptResult, at: Date) {
  const { statusCode, error, latencyMs, excerpt } = result;
  return { at, succeeded: result.ok, statusCode, error, latencyMs, excerpt };
}

async function send(webhooks: Webhooks, delivery: DueDelivery): Promise<AttemptResult> {
  const { kernel } = webhooks;
  const refused = (error: string): AttemptResult => ({ ok: false, statusCode: null, error, latencyMs: 0, excerpt: null });
  const parsed = parseEndpointUrl(delivery.url);
  if (!parsed.ok) return refused(`the URL ${parsed.message}`);
  const resolution = await webhooks.resolve(parsed.url.hostname, kernel.config.webhooks.allowPrivate);
  if (!resolution.ok) return refused(`not sent: ${resolution.reason}`);
  const secrets = [webhooks.box.open(delivery.secret_encrypted, delivery.endpoint_id)];
  if (
    delivery.previous_secret_encrypted &&
    delivery.previous_secret_expires_at &&
    delivery.previous_secret_expires_at > kernel.clock.now()
  ) {
    secrets.push(webhooks.box.open(delivery.previous_secret_encrypted, delivery.endpoint_id));
  }
  // The signature's time is the wall clock's, not the sandbox clock's: receivers check it against their own clocks.
  const timestamp = Math.floor(Date.now() / 1000);
  return webhooks.post({
    url: parsed.url,
    address: resolution.address,
    family: resolution.family,
    body: delivery.body,
    timeoutMs: kernel.config.webhooks.timeoutMs,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Chorecat-Webhooks/1',
      'chorecat-event-id': delivery.event_id,
      'chorecat-event-type': delivery.event_type,
      'chorecat-delivery-id': delivery.id,
      'chorecat-signature': signatureHeader(secrets, timestamp, delivery.body),
    },
  });
}
