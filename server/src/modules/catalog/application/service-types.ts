import type { Kernel } from '../../../platform/module.ts';
import { isManager, type Principal } from '../../../platform/http/auth.ts';
import { transaction, type Tx } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { decodeCursor, page } from '../../../platform/pagination.ts';
import { normaliseKitItems, type KitItem, type ServiceType } from '../domain/service-type.ts';
import { findServiceType, insertServiceType, listServiceTypeRows, nameTaken, saveServiceType } from '../infra/service-types.repository.ts';

export async function listServiceTypes(
  kernel: Pick<Kernel, 'db'>,
  input: { principal?: Principal; includeInactive?: boolean; limit: number; cursor?: string },
): Promise<{ data: ServiceType[]; nextCursor: string | null }> {
  // Only staff see inactive types; for anyone else the flag quietly means nothing.
  const includeInactive = Boolean(input.includeInactive) && isManager(input.principal);
  const rows = await listServiceTypeRows(kernel.db, { includeInactive, after: decodeCursor(input.cursor), limit: input.limit + 1 });
  return page(rows, input.limit, (t) => ({ at: t.createdAt, id: t.id }));
}

export interface ServiceTypeInput {
  name: string;
  description?: string;
  durationMinutes: number;
  active?: boolean;
  kitItems?: KitItem[];
}

const taken = (name: string) => new AppError('CATALOG.NAME_TAKEN', `A service type called "${name}" already exists.`);

export async function createServiceType(
  kernel: Pick<Kernel, 'db' | 'clock'>,
  input: { actor: Principal; values: ServiceTypeInput; requestId?: string },
): Promise<ServiceType> {
  return transaction(kernel.db, async (tx) => {
    const now = kernel.clock.now();
    const created = await insertServiceType(kernel.db, tx, {
      name: input.values.name.trim(),
      description: input.values.description ?? '',
      durationMinutes: input.values.durationMinutes,
      active: input.values.active ?? true,
      kitItems: normaliseKitItems(input.values.kitItems ?? []),
      now,
    });
    if (!created) throw taken(input.values.name.trim());
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'service_type.created',
      targetType: 'service_type',
      targetId: created.id,
      after: created,
      requestId: input.requestId,
    });
    return created;
  });
}

export async function updateServiceType(
  kernel: Pick<Kernel, 'db' | 'clock'>,
  input: { actor: Principal; id: string; changes: Partial<ServiceTypeInput>; requestId?: string },
): Promise<ServiceType> {
  return transaction(kernel.db, async (tx) => {
    const current = await findServiceType(kernel.db, input.id, tx, true);
    if (!current) throw new AppError('NOT_FOUND', 'No such service type.');
    const next: ServiceType = {
      ...current,
      ...(input.changes.name !== undefined ? { name: input.changes.name.trim() } : {}),
      ...(input.changes.description !== undefined ? { description: input.changes.description } : {}),
      ...(input.changes.durationMinutes !== undefined ? { durationMinutes: input.changes.durationMinutes } : {}),
      ...(input.changes.active !== undefined ? { active: input.changes.active } : {}),
      ...(input.changes.kitItems !== undefined ? { kitItems: normaliseKitItems(input.changes.kitItems) } : {}),
    };
    if (next.name.toLowerCase() !== current.name.toLowerCase() && (await nameTaken(kernel.db, tx, next.name, current.id)))
      throw taken(next.name);
    const saved = await saveServiceType(kernel.db, tx, next, kernel.clock.now());
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'service_type.updated',
      targetType: 'service_type',
      targetId: saved.id,
      before: current,
      after: saved,
      requestId: input.requestId,
    });
    return saved;
  });
}

/**
 * For other modules (orders, supplies): the service type, or undefined.
 * Inside a transaction, pass it: a second connection taken while holding
 * one can starve the pool under load (every holder waiting for another).
 */
export function getServiceType(kernel: Pick<Kernel, 'db'>, id: string, tx?: Tx): Promise<ServiceType | undefined> {
  return findServiceType(kernel.db, id, tx);
}
