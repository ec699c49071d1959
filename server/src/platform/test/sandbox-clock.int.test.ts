import { sql } from '../database.ts';
import { createLogger } from '../logger.ts';
import { createMetrics } from '../metrics.ts';
import { JobRegistry, Scheduler } from '../scheduler.ts';
import { SandboxClock } from '../sandbox-clock.ts';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';

/**
 * The sandbox clock replays every job that falls due on the way, in time
 * order, each seeing the platform clock read its due time. Test jobs are
 * registered through the same registry modules use.
 */
const DAY = 86_400_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms).toISOString();

/**
 * The first Wednesday noon UTC more than a minute after `from`: a nearby known
 * weekday, so that reaching it replays days of the platform's jobs, not years
 * (an advance that outlives its test holds the clock and 409s the next ones).
 */
function nextWednesdayNoon(from: number): Date {
  const d = new Date(from);
  d.setUTCHours(12, 0, 0, 0);
  while (d.getUTCDay() !== 3 || d.getTime() <= from + 60_000) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** Sunday 23:00 in Paris on the UTC date of `sunday`: 22:00 UTC in winter, 21:00 in summer (read from Intl, not from our cron code). */
function parisSundayEleven(sunday: Date): Date {
  const at22 = Date.UTC(sunday.getUTCFullYear(), sunday.getUTCMonth(), sunday.getUTCDate(), 22);
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(at22);
  return new Date(hour === '23' ? at22 : at22 - 3_600_000);
}

describe('sandbox clock', () => {
  let t: TestPlatform;
  let manager: string;
  const seen: { job: string; asOf: string; clockRead: string }[] = [];
  let deadlines: Date[] = [];

  beforeAll(async () => {
    t = await createTestPlatform({ env: { TZ_BUSINESS: 'Europe/Paris' } });
    manager = (await t.userWithRoles(['manager'])).token;
    const registry = t.platform.kernel.scheduler.registry;
    registry.register({
      name: 'test.weekly-invoice',
      description: 'Sunday 23:00 business time',
      schedule: { cron: '0 23 * * 0' },
      async run({ asOf }) {
        seen.push({ job: 'test.weekly-invoice', asOf: asOf.toISOString(), clockRead: t.clock.now().toISOString() });
      },
    });
    registry.register({
      name: 'test.deadline',
      description: 'fires at data-driven deadlines',
      schedule: {
        everyMs: 30_000,
        nextDueAt: async () => deadlines[0] ?? null,
      },
      async run({ asOf }) {
        seen.push({ job: 'test.deadline', asOf: asOf.toISOString(), clockRead: t.clock.now().toISOString() });
        deadlines = deadlines.filter((d) => d.getTime() > asOf.getTime());
      },
    });
  });
  afterAll(() => t.close());

  /** Moves the sandbox clock to the next Wednesday noon UTC and returns it. */
  async function toNextWednesday(): Promise<Date> {
    const now = await t.api.get('/v1/sandbox/clock').set('authorization', `Bearer ${manager}`).expect(200);
    const wednesday = nextWednesdayNoon(Date.parse(now.body.now as string));
    await t.api
      .post('/v1/sandbox/clock')
      .set('authorization', `Bearer ${manager}`)
      .send({ advanceTo: wednesday.toISOString() })
      .expect(200);
    return wednesday;
  }

  it('runs every due job in time order, each as of its time, then the pollers at the target', async () => {
    // Start from a known Wednesday noon UTC.
    const wednesday = await toNextWednesday();
    const target = new Date(wednesday.getTime() + 14 * DAY);
    // Sundays 23:00 in Paris (22:00 UTC in winter, 21:00 in summer).
    const [sunday1, sunday2] = [
      parisSundayEleven(new Date(wednesday.getTime() + 4 * DAY)),
      parisSundayEleven(new Date(wednesday.getTime() + 11 * DAY)),
    ];
    seen.length = 0;
    // Sunday half an hour before the invoice, Monday 08:00 UTC, the next Monday 09:00 UTC.
    const due = [
      new Date(sunday1.getTime() - 30 * 60_000),
      new Date(at(wednesday, 5 * DAY - 4 * 3_600_000)),
      new Date(at(wednesday, 12 * DAY - 3 * 3_600_000)),
    ];
    deadlines = [...due];
    const res = await t.api.post('/v1/sandbox/clock').set('authorization', `Bearer ${manager}`).send({ advanceBy: 'P14D' });
    expect(res.status).toBe(200);
    // Real time ticks on between the calls (seconds on a busy machine): the clock stands at or just past the target.
    const justPast = (at: string) => Date.parse(at) - target.getTime();
    expect(justPast(res.body.now)).toBeGreaterThanOrEqual(0);
    expect(justPast(res.body.now)).toBeLessThan(60_000);
    const calendar = res.body.jobsRun.filter((r: { job: string }) => r.job.startsWith('test.'));
    const lines = calendar.map((r: { job: string; at: string }) => `${r.at} ${r.job}`);
    expect(lines.slice(0, 5)).toEqual([
      `${due[0]!.toISOString()} test.deadline`,
      `${sunday1.toISOString()} test.weekly-invoice`,
      `${due[1]!.toISOString()} test.deadline`,
      `${sunday2.toISOString()} test.weekly-invoice`,
      `${due[2]!.toISOString()} test.deadline`,
    ]);
    // Then every poller once at the target (real time ticked on since the first call).
    expect(lines.slice(5)).toHaveLength(1);
    expect(lines[5]).toMatch(/^\S+Z test\.deadline$/);
    expect(justPast(lines[5]!.slice(0, 24))).toBeGreaterThanOrEqual(0);
    expect(justPast(lines[5]!.slice(0, 24))).toBeLessThan(60_000);
    expect(lines[5]!.slice(0, 24)).toBe(res.body.jobsRun.at(-1).at);
    expect(res.body.jobsRun.every((r: { outcome: string }) => r.outcome === 'succeeded')).toBe(true);
    // Inside each run the platform clock read the run's time.
    for (const s of seen) expect(Math.abs(Date.parse(s.clockRead) - Date.parse(s.asOf))).toBeLessThan(2_000);
    // The runs are recorded.
    const runs = await sql<{ n: string }>(t.db, "SELECT count(*) AS n FROM job_runs WHERE trigger = 'sandbox' AND job LIKE 'test.%'");
    expect(Number(runs[0]!.n)).toBeGreaterThanOrEqual(6);
    const clock = await t.api.get('/v1/sandbox/clock').set('authorization', `Bearer ${manager}`);
    expect(Date.parse(clock.body.now)).toBeGreaterThanOrEqual(target.getTime());
  });

  it('runs work another job wrote for its own instant at once, and lets a poller that cannot clear its work wait for the target', async () => {
    // Its own start, whatever the tests before it left on the clock: a Wednesday noon UTC.
    const wednesday = await toNextWednesday();
    const sunday = parisSundayEleven(new Date(wednesday.getTime() + 4 * DAY));
    let armed = true;
    const outbox: Date[] = [];
    const sent: string[] = [];
    const stuckRuns: string[] = [];
    const stuckSince = t.clock.now();
    const registry = t.platform.kernel.scheduler.registry;
    registry.register({
      name: 'late.issue',
      description: 'writes work due at the very instant it runs',
      schedule: { cron: '0 23 * * 0' },
      async run({ asOf }) {
        if (armed) outbox.push(asOf);
      },
    });
    registry.register({
      name: 'late.send',
      description: 'clears the work due by its run',
      schedule: { everyMs: 60_000, nextDueAt: async () => outbox[0] ?? null },
      async run({ asOf }) {
        for (const at of outbox.filter((d) => d.getTime() <= asOf.getTime())) sent.push(`${at.toISOString()} sent ${asOf.toISOString()}`);
        outbox.splice(0, outbox.length, ...outbox.filter((d) => d.getTime() > asOf.getTime()));
      },
    });
    registry.register({
      name: 'late.stuck',
      description: 'never clears its overdue work',
      schedule: { everyMs: 60_000, nextDueAt: async () => (armed ? stuckSince : null) },
      async run({ asOf }) {
        if (armed) stuckRuns.push(asOf.toISOString());
      },
    });
    try {
      // From that Wednesday noon UTC past Sunday 23:00 in Paris.
      const res = await t.api.post('/v1/sandbox/clock').set('authorization', `Bearer ${manager}`).send({ advanceBy: 'P7D' });
      expect(res.status).toBe(200);
      // Written at Sunday 23:00 Paris exactly, sent a millisecond later in the same advance — not at the target.
      expect(sent).toEqual([`${sunday.toISOString()} sent ${at(sunday, 1)}`]);
      // The stuck poller ran once for its overdue work and once at the target, no more.
      expect(stuckRuns).toHaveLength(2);
      expect(stuckRuns[1]).toMatch(new RegExp(`^${at(wednesday, 7 * DAY).slice(0, 19)}`));
    } finally {
      armed = false;
    }
  });

  it('shares the time with another process through the database', async () => {
    const other = await createTestPlatform({ databaseUrl: t.db.url });
    try {
      await other.platform.kernel.sandbox.sync();
      expect(Math.abs(other.clock.now().getTime() - t.clock.now().getTime())).toBeLessThan(2_000);
    } finally {
      await other.platform.stop();
      await other.db.close();
    }
  });

  it('lets one advance run at a time', async () => {
    const results = await Promise.all([
      t.api.post('/v1/sandbox/clock').set('authorization', `Bearer ${manager}`).send({ advanceBy: 'P1D' }),
      t.api.post('/v1/sandbox/clock').set('authorization', `Bearer ${manager}`).send({ advanceBy: 'P1D' }),
      t.api.post('/v1/sandbox/clock').set('authorization', `Bearer ${manager}`).send({ advanceBy: 'P1D' }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((x) => x.status !== 200)) expect(r.body.code).toBe('SANDBOX.CLOCK_BUSY');
  });

  it('needs exactly one of advanceTo and advanceBy, and a manager or admin', async () => {
    const both = await t.api
      .post('/v1/sandbox/clock')
      .set('authorization', `Bearer ${manager}`)
      .send({ advanceTo: '2040-01-01T00:00:00Z', advanceBy: 'P1D' });
    expect(both.status).toBe(400);
    const neither = await t.api.post('/v1/sandbox/clock').set('authorization', `Bearer ${manager}`).send({});
    expect(neither.status).toBe(400);
    const worker = (await t.userWithRoles(['worker'])).token;
    expect((await t.api.get('/v1/sandbox/clock').set('authorization', `Bearer ${worker}`)).status).toBe(403);
    const admin = (await t.userWithRoles(['admin'])).token;
    expect((await t.api.get('/v1/sandbox/clock').set('authorization', `Bearer ${admin}`)).status).toBe(200);
  });

  it('keeps every Sunday of a long advance when a poller has work every minute (past its step budget the pollers run at the calendar jobs)', async () => {
    const wednesday = await toNextWednesday();
    const sundays = [4, 11].map((d) => parisSundayEleven(new Date(wednesday.getTime() + d * DAY)));
    // Its own registry: only these two jobs, with a budget of 40 poller steps instead of 10,000.
    const registry = new JobRegistry();
    const invoices: string[] = [];
    const polls: number[] = [];
    let lastPoll = wednesday.getTime();
    registry.register({
      name: 'budget.invoice',
      description: 'Sunday 23:00 business time',
      schedule: { cron: '0 23 * * 0' },
      async run({ asOf }) {
        invoices.push(asOf.toISOString());
      },
    });
    registry.register({
      name: 'budget.poll',
      description: 'has work due a minute after each run, for ever',
      schedule: { everyMs: 60_000, nextDueAt: async () => new Date(lastPoll + 60_000) },
      async run({ asOf }) {
        polls.push(asOf.getTime());
        lastPoll = asOf.getTime();
      },
    });
    const { db, clock } = t;
    const scheduler = new Scheduler(registry, {
      db,
      clock,
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics(),
      businessTimeZone: 'Europe/Paris',
    });
    const target = new Date(wednesday.getTime() + 14 * DAY);
    const result = await new SandboxClock({ db, clock, scheduler, maxPollerSteps: 40 }).advance(target);
    // Both Sundays once each, at their time: 20,160 minutes of polling did not end the replay before them.
    expect(invoices).toEqual(sundays.map((d) => d.toISOString()));
    // The first 40 polls a minute apart, then one at each Sunday (late), then one at the target.
    expect(polls.slice(0, 40)).toEqual(Array.from({ length: 40 }, (_, i) => wednesday.getTime() + (i + 1) * 60_000));
    expect(polls.slice(40)).toEqual([...sundays.map((d) => d.getTime()), target.getTime()]);
    expect(result.now.getTime()).toBeGreaterThanOrEqual(target.getTime());
    expect(result.jobsRun.every((r) => r.outcome === 'succeeded')).toBe(true);
  });

  it('moves at most ten years (3,660 days) in one advance, so a request cannot replay centuries of jobs', async () => {
    const clockNow = async () =>
      Date.parse((await t.api.get('/v1/sandbox/clock').set('authorization', `Bearer ${manager}`)).body.now as string);
    const before = await clockNow();
    const farTo = new Date(before + 3_661 * 86_400_000).toISOString();
    for (const body of [
      { advanceBy: 'P99999Y' },
      { advanceBy: 'P3661D' },
      { advanceBy: 'P11Y' },
      { advanceTo: farTo },
      { advanceTo: '9999-12-31T00:00:00Z' },
    ]) {
      const res = await t.api.post('/v1/sandbox/clock').set('authorization', `Bearer ${manager}`).send(body);
      expect({ status: res.status, code: res.body.code }, JSON.stringify(body)).toEqual({ status: 422, code: 'SANDBOX.ADVANCE_TOO_FAR' });
    }
    // Only real time has passed (the sandbox offset is unchanged).
    expect((await clockNow()) - before).toBeLessThan(60_000);
  });
});

describe('sandbox clock switched off', () => {
  it('answers 404 and keeps the clock', async () => {
    const t = await createTestPlatform({ env: { CHORECAT_SANDBOX: '0' } });
    try {
      const { token } = await t.userWithRoles(['admin']);
      const get = await t.api.get('/v1/sandbox/clock').set('authorization', `Bearer ${token}`);
      expect(get.status).toBe(404);
      expect(get.body.code).toBe('NOT_FOUND');
      const post = await t.api.post('/v1/sandbox/clock').set('authorization', `Bearer ${token}`).send({ advanceBy: 'P1D' });
      expect(post.status).toBe(404);
      const [row] = await sql<{ offset_ms: string }>(t.db, 'SELECT offset_ms FROM sandbox_clock');
      expect(row!.offset_ms).toBe('0');
    } finally {
      await t.close();
    }
  });
});
