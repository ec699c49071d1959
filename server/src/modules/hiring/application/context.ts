import type { Kernel } from '../../../platform/module.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { AppError } from '../../../platform/errors.ts';
import {
  decideApplication,
  APPLICATION_TRANSITIONS,
  type ApplicationEvent,
  type ApplicationActor,
} from '../domain/application-lifecycle.ts';
import type { ProofOfWork } from '../infra/proof-of-work.ts';
import { assignmentsOf, type ApplicationRow } from '../infra/hiring.repository.ts';
import type { Tx } from '../../../platform/database.ts';

export interface Hiring {
  kernel: Kernel;
  pow: ProofOfWork;
}

export const applicationNotFound = () => new AppError('NOT_FOUND', 'No such application.');
export const vacancyNotFound = () => new AppError('NOT_FOUND', 'No such vacancy.');

/** Consults the lifecycle table; throws the refusal (409 or 403) before anything is written. */
export function assertApplicationStep(app: ApplicationRow, event: ApplicationEvent, caller: Principal | 'system'): ApplicationActor {
  const actors: ApplicationActor[] =
    caller === 'system' ? ['system'] : caller.roles.filter((r): r is 'manager' | 'admin' => r === 'manager' || r === 'admin');
  const decision = decideApplication(app.status, event, actors);
  if (decision.ok) return APPLICATION_TRANSITIONS[event].actors.find((a) => actors.includes(a))!;
  if (decision.reason === 'illegal_transition') {
    throw new AppError('HIRING.ILLEGAL_TRANSITION', `An application that is ${app.status} cannot take "${event}".`);
  }
  throw new AppError('AUTH.FORBIDDEN', `Only ${APPLICATION_TRANSITIONS[event].actors.join(' or ')} may do "${event}".`);
}

export interface AssignmentView {
  id: string;
  testId: string;
  title: string;
  status: 'assigned' | 'passed' | 'failed';
  passMark: number;
  timeLimitMinutes: number;
  maxAttempts: number;
  attemptsUsed: number;
  attemptsLeft: number;
  bestScore: number | null;
  assignedAt: string;
}

export async function assignmentViews(
  kernel: Pick<Kernel, 'db'>,
  applicationIds: string[],
  tx?: Tx,
): Promise<Map<string, AssignmentView[]>> {
  const rows = await assignmentsOf(kernel.db, applicationIds, tx);
  const byApplication = new Map<string, AssignmentView[]>();
  for (const r of rows) {
    const used = Number(r.attempts_used);
    const left = Math.max(0, r.max_attempts - used);
    const list = byApplication.get(r.application_id) ?? [];
    list.push({
      id: r.id,
      testId: r.test_id,
      title: r.title,
      // Out of attempts without a pass is a fail, even when the last attempt simply ran out of time.
      status: r.status === 'assigned' && left === 0 ? 'failed' : r.status,
      passMark: r.pass_mark,
      timeLimitMinutes: r.time_limit_minutes,
      maxAttempts: r.max_attempts,
      attemptsUsed: used,
      attemptsLeft: r.status === 'passed' ? 0 : left,
      bestScore: r.best_score,
      assignedAt: new Date(r.assigned_at).toISOString(),
    });
    byApplication.set(r.application_id, list);
  }
  return byApplication;
}

export function toApplicationView(row: ApplicationRow, tests: AssignmentView[], workerCode: string | null) {
  return {
    id: row.id,
    applicantId: row.applicant_id,
    vacancyId: row.vacancy_id,
    name: row.name,
    email: row.email,
    breed: row.breed,
    age: row.age,
    skills: row.skills,
    preferredServiceTypeIds: row.preferred_service_type_ids,
    status: row.status,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    workerId: row.worker_id,
    workerCode,
    tests,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export type ApplicationView = ReturnType<typeof toApplicationView>;
