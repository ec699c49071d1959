import type { Database, Tx } from './database.ts';
import type { Clock } from './clock.ts';

/**
 * The audit log of manager and admin actions (SPEC §12): who did what to
 * which record, with the record before and after, written in the same
 * transaction as the change so an action and its audit entry stand or fall
 * together.
 */
export interface AuditEntry {
  actorId: string | null;
  actorRoles: string[];
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string;
}

export async function recordAudit(db: Database, tx: Tx | undefined, clock: Clock, entry: AuditEntry): Promise<void> {
  await db.sequelize.query(
    `INSERT INTO audit_log (at, actor_id, actor_roles, action, target_type, target_id, before, after, request_id)
     VALUES ($1, $2, $3::text[], $4, $5, $6, $7::jsonb, $8::jsonb, $9)`,
    {
      bind: [
        clock.now(),
        entry.actorId,
        entry.actorRoles,
        entry.action,
        entry.targetType,
        entry.targetId,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
        entry.requestId ?? null,
      ],
      transaction: tx,
    },
  );
}
