import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';
import type { KitItem, ServiceType } from '../domain/service-type.ts';
import { serviceTypesTable, type ServiceTypeRow as Row } from './service-types.table.ts';

const COLUMNS = serviceTypesTable.list;

export function toServiceType(row: Row): ServiceType {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    durationMinutes: row.duration_minutes,
    active: row.active,
    kitItems: row.kit_items,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function findServiceType(db: Database, id: string, tx?: Tx, lock = false): Promise<ServiceType | undefined> {
  const [row] = await sql<Row>(db, `SELECT ${COLUMNS} FROM service_types WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id], tx);
  return row && toServiceType(row);
}

export async function listServiceTypeRows(
  db: Database,
  query: { includeInactive: boolean; after?: { at: string; id: string }; limit: number },
): Promise<ServiceType[]> {
  const rows = await sql<Row>(
    db,
    `SELECT ${COLUMNS} FROM service_types
     WHERE ($1::boolean OR active)
       AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
     ORDER BY created_at, id LIMIT $4`,
    [query.includeInactive, query.after?.at ?? null, query.after?.id ?? null, query.limit],
  );
  return rows.map(toServiceType);
}

/** Inserts, or returns undefined when the name is taken (case-insensitive). */
export async function insertServiceType(
  db: Database,
  tx: Tx,
  input: { name: string; description: string; durationMinutes: number; active: boolean; kitItems: KitItem[]; now: Date },
): Promise<ServiceType | undefined> {
  const { rows } = await execute<Row>(
    db,
    `INSERT INTO service_types (name, description, duration_minutes, active, kit_items, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $6)
     ON CONFLICT ((lower(name))) DO NOTHING RETURNING ${COLUMNS}`,
    [input.name, input.description, input.durationMinutes, input.active, JSON.stringify(input.kitItems), input.now],
    tx,
  );
  return rows[0] && toServiceType(rows[0]);
}

export async function saveServiceType(db: Database, tx: Tx, type: ServiceType, now: Date): Promise<ServiceType> {
  const { rows } = await execute<Row>(
    db,
    `UPDATE service_types SET name = $2, description = $3, duration_minutes = $4, active = $5, kit_items = $6::jsonb, updated_at = $7
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [type.id, type.name, type.description, type.durationMinutes, type.active, JSON.stringify(type.kitItems), now],
    tx,
  );
  return toServiceType(rows[0]!);
}

export async function nameTaken(db: Database, tx: Tx, name: string, exceptId: string): Promise<boolean> {
  const rows = await sql(db, 'SELECT 1 FROM service_types WHERE lower(name) = lower($1) AND id <> $2', [name, exceptId], tx);
  return rows.length > 0;
}
