import type { Kernel } from '../../../platform/module.ts';
import { transaction, sql, type Tx } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { findUserById, updateUser, type UserRow } from '../infra/users.repository.ts';
import { signOutEverywhere } from './issue-session.ts';

/** Only admins manage users and roles (SPEC §1). */
function assertAdmin(actor: Principal): void {
  if (!actor.roles.includes('admin')) throw new AppError('AUTH.FORBIDDEN', 'Only admins manage users and roles.');
}

const snapshot = (user: UserRow) => ({ roles: user.roles, disabled: user.disabled });

/** Every user change by an admin is audited with the user before and after, in the change's transaction. */
function auditUserChange(
  kernel: Pick<Kernel, 'db' | 'clock'>,
  tx: Tx,
  actor: Principal,
  action: string,
  before: UserRow,
  after: UserRow,
  requestId?: string,
) {
  return recordAudit(kernel.db, tx, kernel.clock, {
    actorId: actor.id,
    actorRoles: actor.roles,
    action,
    targetType: 'user',
    targetId: before.id,
    before: snapshot(before),
    after: snapshot(after),
    requestId,
  });
}

async function assertAnotherAdminRemains(kernel: Pick<Kernel, 'db'>, tx: Tx, userId: string): Promise<void> {
  const [row] = await sql<{ n: number }>(
    kernel.db,
    "SELECT count(*)::int AS n FROM users WHERE 'admin' = ANY(roles) AND NOT disabled AND erased_at IS NULL AND id <> $1",
    [userId],
    tx,
  );
  if ((row?.n ?? 0) === 0) throw new AppError('IDENTITY.LAST_ADMIN', 'This is the last active admin: make someone else an admin first.');
}

export async function setUserRoles(
  kernel: Pick<Kernel, 'db' | 'clock' | 'roles'>,
  input: { actor: Principal; userId: string; roles: string[]; requestId?: string },
): Promise<UserRow> {
  assertAdmin(input.actor);
  const roles = [...new Set(input.roles)];
  const unknown = roles.filter((r) => !(kernel.roles as readonly string[]).includes(r));
  if (roles.length === 0 || unknown.length > 0) {
    throw new AppError('VALIDATION.FAILED', unknown.length ? `Unknown roles: ${unknown.join(', ')}.` : 'A user needs at least one role.', {
      errors: [{ path: '/roles', message: 'must be one or more of ' + kernel.roles.join(', ') }],
    });
  }
  return transaction(kernel.db, async (tx) => {
    const user = await findUserById(kernel.db, input.userId, tx, true);
    if (!user || user.erased_at) throw new AppError('NOT_FOUND', 'No such user.');
    if (user.id === input.actor.id && !roles.includes('admin')) {
      throw new AppError('IDENTITY.SELF_CHANGE', 'You cannot remove your own admin role; ask another admin.');
    }
    if (user.roles.includes('admin') && !roles.includes('admin')) await assertAnotherAdminRemains(kernel, tx, user.id);
    const updated = await updateUser(kernel.db, tx, user.id, { roles }, kernel.clock.now());
    await auditUserChange(kernel, tx, input.actor, 'user.roles.set', user, updated, input.requestId);
    return updated;
  });
}

/** Disabling signs the user out everywhere at once (refresh tokens revoked, access tokens ended). */
export async function setUserDisabled(
  kernel: Pick<Kernel, 'db' | 'clock' | 'tokens'>,
  input: { actor: Principal; userId: string; disabled: boolean; requestId?: string },
): Promise<UserRow> {
  assertAdmin(input.actor);
  return transaction(kernel.db, async (tx) => {
    const user = await findUserById(kernel.db, input.userId, tx, true);
    if (!user || user.erased_at) throw new AppError('NOT_FOUND', 'No such user.');
    if (user.id === input.actor.id) throw new AppError('IDENTITY.SELF_CHANGE', 'You cannot disable yourself.');
    if (input.disabled && user.roles.includes('admin')) await assertAnotherAdminRemains(kernel, tx, user.id);
    const updated = await updateUser(kernel.db, tx, user.id, { disabled: input.disabled }, kernel.clock.now());
    // Ended, not paused: re-enabling does not bring back tokens issued before.
    if (input.disabled) await signOutEverywhere(kernel, tx, user.id);
    await auditUserChange(kernel, tx, input.actor, input.disabled ? 'user.disabled' : 'user.enabled', user, updated, input.requestId);
    return updated;
  });
}
