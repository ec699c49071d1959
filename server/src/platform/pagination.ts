import { AppError } from './errors.ts';

/**
 * Keyset pagination: the cursor is an opaque base64url of the last row's
 * sort key (time + id), so pages stay stable while rows are added.
 */
export interface KeysetCursor {
  at: string;
  id: string;
  /**
   * A list sorted first by a group that rows move between (the review queue: open, then done) carries the
   * last row's group as it was shown: read back from the row, a row that changed group would move the next page.
   */
  rank?: number;
}

export function encodeCursor(cursor: KeysetCursor): string {
  const key = [new Date(cursor.at).toISOString(), cursor.id, ...(cursor.rank === undefined ? [] : [cursor.rank])];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

// Exactly what encodeCursor writes: a UTC instant as toISOString() prints it (years 1000–9999, which
// PostgreSQL and JavaScript agree on: year 0000 is JavaScript's, not PostgreSQL's) and a UUID. Anything else, however it parses, was not issued here.
const INSTANT = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function decodeCursor(text: string | undefined): KeysetCursor | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length < 2 || parsed.length > 3) throw new Error('bad cursor');
    const [at, id, rank] = parsed as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string' || !INSTANT.test(at) || !UUID.test(id)) throw new Error('bad cursor');
    if (new Date(at).toISOString() !== at) throw new Error('bad cursor');
    if (parsed.length === 3 && !(Number.isInteger(rank) && (rank as number) >= 0 && (rank as number) <= 1000))
      throw new Error('bad cursor');
    return parsed.length === 3 ? { at, id, rank: rank as number } : { at, id };
  } catch {
    throw new AppError('VALIDATION.FAILED', 'The cursor is not one this API issued.', {
      errors: [{ path: '/query/cursor', message: 'must be a nextCursor from a previous page' }],
    });
  }
}

export function page<T>(rows: T[], limit: number, keyOf: (row: T) => KeysetCursor): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
