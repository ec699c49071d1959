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
  renewLeases,
  updateDeliveryAfterAttempt,
  type DueDelivery,
  type Lease,
} from '../infra/webhooks.repository.ts';
import { LOOKUP_TIMEOUT_MS } from '../infra/address-resolver.ts';
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
/** Deliveries of one endpoint a run leases with one statement (bench/outbox.ts: a healthy endpoint's throughput). */
const LEASE_BATCH = 25;
/** Time left after an attempt's end, while its lease still holds, for its record to be written. */
const RECORD_MARGIN_MS = 3_000;
/** What a fresh lease holds beyond one attempt and its record: a batch's attempts start on it without renewing for this long. */
const RENEW_SLACK_MS = 2_000;

/** The longest an attempt is in flight before its record is written: the host resolved again (its own deadline), then the POST. */
export function attemptSpanMs(timeoutMs: number): number {
  return LOOKUP_TIMEOUT_MS + timeoutMs;
}

/**
 * How long a lease (or its renewal) holds a delivery. Short, so a crashed run's deliveries, and
 * with them their endpoint (no run sends an endpoint anything while one of its deliveries is
 * leased), are free again within the job's lock lifetime; a run renews a lease before an attempt
 * it might not cover (`deliverDue`).
 */
export function leaseMs(timeoutMs: number): number {
  return attemptSpanMs(timeoutMs) + RECORD_MARGIN_MS + RENEW_SLACK_MS;
}

/**
 * `webhooks.deliver`'s lock lifetime: at least 30 s, and never shorter than a lease, so that when a
 * crashed process's lock ends (the next run may start), so have the leases it held.
 */
export function deliverLockLifetimeMs(timeoutMs: number): number {
  return Math.max(30_000, leaseMs(timeoutMs));
}

/** A delivery this run holds: its lease, and when the statement that wrote it was sent (this process's monotonic clock). */
interface Held {
  delivery: DueDelivery;
  lease: Lease;
  sentAt: number;
  lost?: boolean;
}

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
 * bounded by the timeout and holding its delivery by a lease meanwhile
 * (`leaseMs`: the attempt, its record and a few seconds; taken 25 at a time,
 * renewed before an attempt it might not cover, so a crash holds a delivery
 * no longer than the job's lock lifetime). An
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
  const holdMs = leaseMs(timeoutMs);
  // What an attempt needs its lease to hold when it starts: the attempt, then its record.
  const needMs = attemptSpanMs(timeoutMs) + RECORD_MARGIN_MS;
  // The lease's end as this process can vouch for it: the database started it after the statement
  // was sent (the database's wall clock and this process's monotonic clock keep the same pace), less
  // the millisecond its cut to milliseconds may take off.
  const leftMs = (held: Held) => held.sentAt + holdMs - 1 - performance.now();
  const endpoints = [...byEndpoint.values()].map(async (queue) => {
    let stop = false;
    const leased: Held[] = [];
    let leasing: Promise<void> | undefined;
    let renewing: Promise<void> | undefined;
    // The endpoint's next delivery this run holds, leasing the next few at once when none is left;
    // one lease at a time per endpoint, so its lanes share them in order.
    const next = async (): Promise<Held | undefined> => {
      while (leased.length === 0 && queue.length > 0) {
        leasing ??= (async () => {
          const chunk = queue.splice(0, LEASE_BATCH);
          const sentAt = performance.now();
          // Held by another attempt (another process's run), or no longer pending: not this run's.
          const taken = byId(
            await leaseDeliveries(
              kernel.db,
              chunk.map((delivery) => delivery.id),
              holdMs,
            ),
          );
          for (const delivery of chunk) {
            const lease = taken.get(delivery.id);
            if (lease) leased.push({ delivery, lease, sentAt });
          }
        })().finally(() => {
          leasing = undefined;
        });
        await leasing;
      }
      return leased.shift();
    };
    // Whether `held`'s lease covers an attempt starting now, renewing it (with the endpoint's other
    // held leases, one statement) when it might not. Renewals take turns per endpoint: the value one
    // writes is the fence the next one checks.
    const holds = async (held: Held): Promise<boolean> => {
      while (!held.lost && leftMs(held) < needMs) {
        if (renewing) {
          await renewing;
          continue;
        }
        renewing = (async () => {
          const batch = [held, ...leased];
          const sentAt = performance.now();
          const renewed = byId(
            await renewLeases(
              kernel.db,
              batch.map((h) => h.lease),
              holdMs,
            ),
          );
          for (const h of batch) {
            const lease = renewed.get(h.delivery.id);
            if (lease) Object.assign(h, { lease, sentAt });
            else h.lost = true;
          }
          // Expired before it could be renewed (a stalled process): another run may have it, and its
          // endpoint's next ones; this run sends that endpoint nothing more, so as not to overtake.
          if (batch.some((h) => h.lost)) {
            stop = true;
            leased.splice(0, leased.length, ...leased.filter((h) => !h.lost));
          }
        })().finally(() => {
          renewing = undefined;
        });
        await renewing;
      }
      return !held.lost;
    };
    const lane = async () => {
      while (!stop && performance.now() - started < timeoutMs) {
        const held = await next();
        if (!held) return;
        if (!(await holds(held))) return;
        const { delivery } = held;
        const attempt = attemptDelivery(webhooks, delivery);
        const result = await within(attempt, ATTEMPT_PATIENCE_MS);
        if (!result) {
          // A slow endpoint: its attempt goes on by itself (its lease covers it); this run does not wait for it.
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
    await renewing;
    // What this run leased and did not send: the next run (or another process) takes it at once.
    await releaseDeliveries(
      kernel.db,
      leased.map((h) => h.lease),
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

/** The leases a statement granted, by delivery: a delivery missing from it was not granted. */
function byId(leases: Lease[]): Map<string, Lease> {
  return new Map(leases.map((lease) => [lease.id, lease]));
}
