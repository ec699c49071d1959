import type { Tx } from '../../../platform/database.ts';
import { groupBy } from '../../../platform/group-by.ts';
import { statementLinesOf, statementRowsOf } from '../infra/statements.repository.ts';
import type { Billing } from './context.ts';
import type { StatementPublicEventType } from '../public-events.ts';
import { toStatementView } from './statements.ts';

/** Records statements' public events in the transaction that issued or paid them, for staff and each statement's worker. */
export async function recordStatementEvents(billing: Billing, tx: Tx, type: StatementPublicEventType, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const { kernel } = billing;
  const rows = await statementRowsOf(kernel.db, tx, ids);
  const lines = await statementLinesOf(kernel.db, ids, tx);
  const linesByStatement = groupBy(lines, (l) => l.statement_id);
  for (const row of rows) {
    const data = toStatementView(row, linesByStatement.get(row.id) ?? []);
    await kernel.events.recordPublic(tx, { type, data, audience: [row.worker_id] });
  }
}
