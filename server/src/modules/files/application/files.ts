import { createHash, randomUUID } from 'node:crypto';
import type { Kernel } from '../../../platform/module.ts';
import { isStaff, type Principal } from '../../../platform/http/auth.ts';
import { StorageUnavailableError, type Storage } from '../../../platform/storage.ts';
import { sql, execute } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { RowOf } from '../../../platform/table.ts';
import { sniffImageType, type ImageType } from '../domain/image-type.ts';
import { filesTable } from '../infra/files.table.ts';

export interface FileInfo {
  id: string;
  ownerId: string;
  contentType: ImageType;
  size: number;
  sha256: string;
  createdAt: string;
}

/** Another module's say on who may read a file (orders: the parties of an order that uses it). */
export type FileAccessRule = (fileId: string, principal: Principal) => Promise<boolean>;

type Row = RowOf<typeof filesTable>;

/** A full or read-only disk needs an operator, not a moment: retry in a minute rather than at once. */
const STORAGE_RETRY_AFTER_SECONDS = 60;
export const SWEEP_MIN_AGE_MS = 60 * 60_000;

/** The store's own trouble as a 503 FILES.STORAGE_UNAVAILABLE with Retry-After; anything else as it is (a bug: a 500). */
function storageUnavailable(error: unknown, message: string): unknown {
  if (!(error instanceof StorageUnavailableError)) return error;
  return new AppError('FILES.STORAGE_UNAVAILABLE', message, {
    headers: { 'retry-after': String(STORAGE_RETRY_AFTER_SECONDS) },
    cause: error,
  });
}

const toInfo = (row: Row): FileInfo => ({
  id: row.id,
  ownerId: row.owner_id,
  contentType: row.content_type,
  size: row.size_bytes,
  sha256: row.sha256,
  createdAt: new Date(row.created_at).toISOString(),
});

export class FilesService {
  private readonly rules: FileAccessRule[] = [];

  constructor(
    private readonly kernel: Pick<Kernel, 'db' | 'clock'>,
    private readonly storage: Storage,
  ) {}

  addAccessRule(rule: FileAccessRule): void {
    this.rules.push(rule);
  }

  /**
   * Stores an image: the bytes first (whole or not at all, under a fresh key), then the row, so a row never
   * points at nothing; bytes whose row could not be written are removed again. A store that cannot take the
   * bytes now is a 503 FILES.STORAGE_UNAVAILABLE with nothing stored.
   */
  async upload(owner: Principal, bytes: Buffer): Promise<FileInfo> {
    const contentType = sniffImageType(bytes);
    if (!contentType) throw new AppError('FILES.UNSUPPORTED_TYPE', 'Upload a JPEG, PNG or WebP image.');
    const id = randomUUID();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await this.storage.put(id, bytes, contentType).catch((error: unknown) => {
      throw storageUnavailable(
        error,
        'The file store cannot take uploads right now (full or not writable); nothing was stored. Retry later.',
      );
    });
    try {
      const { rows } = await execute<Row>(
        this.kernel.db,
        `INSERT INTO files (id, owner_id, content_type, size_bytes, sha256, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${filesTable.list}`,
        [id, owner.id, contentType, bytes.length, sha256, this.kernel.clock.now()],
      );
      return toInfo(rows[0]!);
    } catch (error) {
      // No row will ever name these bytes: remove them (best effort; the insert's own error is the answer).
      await this.storage.delete(id).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Removes what a process killed mid-upload left in the store (a temporary file on disk, or bytes stored
   * but no row written, on disk or S3), once it is an hour old: far longer than any upload takes between its
   * write and its row.
   */
  async sweep(): Promise<{ temporary: number; orphans: number }> {
    return this.storage.sweep(SWEEP_MIN_AGE_MS, async (keys) => {
      const named = await sql<{ id: string }>(this.kernel.db, 'SELECT id FROM files WHERE id = ANY($1::uuid[])', [keys]);
      const known = new Set(named.map((row) => row.id));
      return keys.filter((key) => !known.has(key));
    });
  }

  async describe(id: string): Promise<FileInfo | undefined> {
    const [row] = await sql<Row>(this.kernel.db, `SELECT ${filesTable.list} FROM files WHERE id = $1`, [id]);
    return row && toInfo(row);
  }

  /** The uploader, staff, or anyone another module's rule admits; everyone else gets a 404. */
  async read(principal: Principal, id: string): Promise<{ info: FileInfo; bytes: Buffer }> {
    const info = await this.describe(id);
    const staff = isStaff(principal);
    let allowed = Boolean(info) && (info!.ownerId === principal.id || staff);
    for (const rule of this.rules) if (!allowed && info) allowed = await rule(id, principal);
    if (!info || !allowed) throw new AppError('NOT_FOUND', 'No such file.');
    const bytes = await this.storage.get(id).catch((error: unknown) => {
      throw storageUnavailable(error, 'The file store cannot be read right now; retry later.');
    });
    return { info, bytes };
  }
}
