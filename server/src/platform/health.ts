/**
 * What `chorecat doctor` reads: each check one figure an operator acts on,
 * read through the module that owns it (a module's `ChorecatModule.health`,
 * like its dashboard figures; the kernel's own for the configuration, the
 * database and migrations). `warn` needs a look, `fail` makes the doctor
 * exit non-zero.
 */
export type HealthStatus = 'ok' | 'warn' | 'fail';

export interface HealthReading {
  status: HealthStatus;
  /** The figure and what it means, in a few words ("3 pending, the oldest 2 h old"). */
  detail: string;
}

export interface HealthCheck {
  /** Dotted, owner first (`outbox.backlog`, `webhooks.failed`). */
  name: string;
  /** `now` is the platform clock (the sandbox clock when it is on): ages are platform time. */
  check(now: Date): Promise<HealthReading>;
}

export interface HealthResult extends HealthReading {
  name: string;
}

/** Runs every check; one that throws is a failed check naming its error, never a crashed doctor. */
export async function runHealthChecks(checks: readonly HealthCheck[], now: Date): Promise<HealthResult[]> {
  return Promise.all(
    checks.map(async ({ name, check }) => {
      try {
        return { name, ...(await check(now)) };
      } catch (error) {
        return { name, status: 'fail' as const, detail: `could not be read: ${error instanceof Error ? error.message : String(error)}` };
      }
    }),
  );
}

/** `ok   outbox.backlog  3 pending …`: one line a check, aligned for a terminal. */
export function formatHealthLine(result: HealthResult): string {
  return `${result.status.padEnd(4)} ${result.name.padEnd(22)} ${result.detail}`;
}

/** Whole minutes or hours, for ages in a line. */
export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 120) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h`;
}
