import type { Kernel } from '../../../platform/module.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { addIsoDuration } from '../../../platform/sandbox-clock.ts';

/** Moves the sandbox clock (a manager action, so it is audited). */
export async function advanceSandboxClock(
  kernel: Pick<Kernel, 'config' | 'sandbox' | 'db' | 'clock'>,
  input: { actor: Principal; advanceTo?: string; advanceBy?: string; requestId?: string },
) {
  if (!kernel.config.sandbox) throw new AppError('NOT_FOUND', 'The sandbox clock is off on this deployment.');
  const before = await kernel.sandbox.now();
  const target = input.advanceTo ? new Date(input.advanceTo) : addIsoDuration(before, input.advanceBy!);
  const result = await kernel.sandbox.advance(target);
  await recordAudit(kernel.db, undefined, kernel.clock, {
    actorId: input.actor.id,
    actorRoles: input.actor.roles,
    action: 'sandbox.clock.advanced',
    targetType: 'sandbox_clock',
    targetId: null,
    before: { now: before.toISOString() },
    after: { now: result.now.toISOString(), jobsRun: result.jobsRun.length },
    requestId: input.requestId,
  });
  return { now: result.now.toISOString(), jobsRun: result.jobsRun };
}
