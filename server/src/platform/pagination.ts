import { AppError } from './errors.ts';

/**
 * Keyset pagination: the cursor is an opaque base64url of the last row's
 * sort key (time + id), so pages stay stable while rows are added.
 */
export interface KeysetCursor {
  at: string;
  id: string;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string | undefined): KeysetCursor | undefined {
  if (!text) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) throw new Error('bad cursor');
    return { at, id };
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
