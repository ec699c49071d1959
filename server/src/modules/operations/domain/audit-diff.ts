/**
 * What an audited change changed: one line per top-level field whose value
 * differs between before and after ("status: "scheduled" → "cancelled""),
 * a field only before or only after shown against "—".
 */
export function auditDiff(before: unknown, after: unknown): string {
  const asObject = (value: unknown): Record<string, unknown> =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const b = asObject(before);
  const a = asObject(after);
  const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .map((key) => `${key}: ${show(b[key])} → ${show(a[key])}`)
    .join('\n');
}
