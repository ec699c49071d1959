/**
 * Rows grouped by a key, in their order (Node 20 has no `Map.groupBy`).
 * For attaching child rows to their parents in one pass: a `filter` per
 * parent is quadratic, and a Sunday's invoice run has 10,000 invoices and
 * 200,000 lines.
 */
export function groupBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
