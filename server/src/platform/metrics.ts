import { Registry, Counter, Histogram, Gauge, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics. One registry per app instance, so tests never share counters. */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  jobRuns: Counter<'job' | 'outcome'>;
  /** Failed runs, including those whose work failed in part (a payout Golden Hat refused, a cookie the supplier did not take). */
  jobFailures: Counter<'job' | 'trigger'>;
  jobDuration: Histogram<'job'>;
  /** Outbox messages given up after their last attempt; for domain events, by subscriber and event. */
  outboxGaveUp: Counter<'topic' | 'subscriber' | 'event'>;
  outboxBacklog: Gauge<'topic'>;
}

export function createMetrics(options: { collectOutboxBacklog?: () => Promise<Record<string, number>> } = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'chorecat_' });
  const collect = options.collectOutboxBacklog;
  return {
    registry,
    httpRequests: new Counter({
      name: 'chorecat_http_requests_total',
      help: 'HTTP requests by route template and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'chorecat_http_request_duration_seconds',
      help: 'HTTP request latency by route template',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: 'chorecat_job_runs_total',
      help: 'Scheduled job runs by outcome',
      labelNames: ['job', 'outcome'],
      registers: [registry],
    }),
    jobFailures: new Counter({
      name: 'chorecat_job_failures_total',
      help: 'Failed job runs (an error, or work of the run that failed and waits for a retry), by job and trigger',
      labelNames: ['job', 'trigger'],
      registers: [registry],
    }),
    outboxGaveUp: new Counter({
      name: 'chorecat_outbox_gave_up_total',
      help: 'Outbox messages given up after their last attempt (emails, domain events by subscriber)',
      labelNames: ['topic', 'subscriber', 'event'],
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'chorecat_job_duration_seconds',
      help: 'Scheduled job run time',
      labelNames: ['job'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers: [registry],
    }),
    outboxBacklog: new Gauge({
      name: 'chorecat_outbox_backlog',
      help: 'Outbox messages waiting for delivery, by topic',
      labelNames: ['topic'],
      registers: [registry],
      async collect() {
        if (!collect) return;
        this.reset();
        for (const [topic, count] of Object.entries(await collect())) this.set({ topic }, count);
      },
    }),
  };
}
