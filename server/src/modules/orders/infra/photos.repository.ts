import { sql, execute, type Database, type Tx } from '../../../platform/database.ts';

export type PhotoPurpose = 'check_in' | 'before' | 'after' | 'signed_report';

export async function attachPhotos(
  db: Database,
  tx: Tx,
  orderId: string,
  photos: { fileId: string; purpose: PhotoPurpose; position: number }[],
): Promise<void> {
  for (const photo of photos) {
    await execute(
      db,
      'INSERT INTO order_photos (order_id, file_id, purpose, position) VALUES ($1, $2, $3, $4)',
      [orderId, photo.fileId, photo.purpose, photo.position],
      tx,
    );
  }
}

export async function photosOf(
  db: Database,
  orderId: string,
): Promise<{ checkIn: string | null; before: string[]; after: string[]; signedReport: string | null }> {
  const rows = await sql<{ file_id: string; purpose: PhotoPurpose }>(
    db,
    'SELECT file_id, purpose FROM order_photos WHERE order_id = $1 ORDER BY purpose, position',
    [orderId],
  );
  return {
    checkIn: rows.find((r) => r.purpose === 'check_in')?.file_id ?? null,
    before: rows.filter((r) => r.purpose === 'before').map((r) => r.file_id),
    after: rows.filter((r) => r.purpose === 'after').map((r) => r.file_id),
    signedReport: rows.find((r) => r.purpose === 'signed_report')?.file_id ?? null,
  };
}

export async function ordersUsingFile(db: Database, fileId: string): Promise<string[]> {
  const rows = await sql<{ order_id: string }>(db, 'SELECT DISTINCT order_id FROM order_photos WHERE file_id = $1', [fileId]);
  return rows.map((r) => r.order_id);
}
