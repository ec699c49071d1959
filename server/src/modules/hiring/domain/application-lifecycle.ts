/**
 * The application lifecycle (SPEC §5) as data: `received` on submission,
 * `testing` once a test is assigned, then the manager's decision, `hired`
 * or `rejected` (both final). Anything not in the table is illegal (409).
 */
export const APPLICATION_STATUSES = ['received', 'testing', 'hired', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_EVENTS = ['assign_test', 'hire', 'reject'] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

export type ApplicationActor = 'manager' | 'admin' | 'system';

export const APPLICATION_TRANSITIONS: Record<
  ApplicationEvent,
  { from: readonly ApplicationStatus[]; to: ApplicationStatus; actors: readonly ApplicationActor[] }
> = {
  // `system`: tests attached to the vacancy are assigned on submission.
  assign_test: { from: ['received', 'testing'], to: 'testing', actors: ['manager', 'admin', 'system'] },
  hire: { from: ['received', 'testing'], to: 'hired', actors: ['manager', 'admin'] },
  reject: { from: ['received', 'testing'], to: 'rejected', actors: ['manager', 'admin'] },
};

/** Statuses in which an application is still open (one per email). */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['received', 'testing'];

export type ApplicationDecision = { ok: true; to: ApplicationStatus } | { ok: false; reason: 'illegal_transition' | 'not_allowed' };

export function decideApplication(
  status: ApplicationStatus,
  event: ApplicationEvent,
  actors: readonly ApplicationActor[],
): ApplicationDecision {
  const transition = APPLICATION_TRANSITIONS[event];
  if (!transition.from.includes(status)) return { ok: false, reason: 'illegal_transition' };
  if (!transition.actors.some((a) => actors.includes(a))) return { ok: false, reason: 'not_allowed' };
  return { ok: true, to: transition.to };
}

/** The assigned tests that stand between an application and a hire: every one must be passed first. */
export function testsBlockingHire<T extends { status: string }>(tests: readonly T[]): T[] {
  return tests.filter((t) => t.status !== 'passed');
}

/** Whether a manager could hire now: the application is open for it and no assigned test stands in the way. */
export function readyToHire(status: ApplicationStatus, tests: readonly { status: string }[]): boolean {
  return decideApplication(status, 'hire', ['manager']).ok && testsBlockingHire(tests).length === 0;
}
