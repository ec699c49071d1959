import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type * as S3Sdk from '@aws-sdk/client-s3';
import type { Config } from './config.ts';

/**
 * Where uploaded bytes live. Keys are ours (UUIDs), never user input.
 * Local disk by default (the data folder); any S3-compatible store when
 * S3_BUCKET is set.
 */
export interface Storage {
  readonly kind: 'disk' | 's3';
  /** Stores the bytes whole or not at all; throws StorageUnavailableError when the store cannot take them now. */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The stored bytes; throws StorageUnavailableError when the store cannot be read now (a disk's EIO, S3 down). */
  get(key: string): Promise<Buffer>;
  /** Removes a stored object; removing one that is not there is no error. */
  delete(key: string): Promise<void>;
  /**
   * Removes what a killed process left behind, older than `minAgeMs` of real
   * time: temporary files, and stored files `unreferenced` says no row names
   * (S3 has no temporary objects: an object exists only once whole).
   */
  sweep(minAgeMs: number, unreferenced: (keys: string[]) => Promise<string[]>): Promise<{ temporary: number; orphans: number }>;
}

/**
 * The store cannot take bytes right now (the disk full, read-only or not
 * ours to write; S3 answering 5xx or unreachable): the operator's problem,
 * not the caller's and not a bug, so the files module answers it 503.
 */
export class StorageUnavailableError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}

/** The errno codes that say the disk cannot take a file now; anything else (a bug of ours) stays an unexpected error. */
const DISK_UNAVAILABLE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO', 'EFBIG', 'EMFILE', 'ENFILE']);

/** Temporary files start with this, so one left by a process killed mid-write is told from a stored file (whose name is its key). */
export const TEMP_PREFIX = '.upload-';

/**
 * Writes `body` to `file` so that no reader ever sees part of it: into a
 * temporary file in the same directory (so the rename stays on one file
 * system and is atomic), flushed to the disk, then renamed into place and the
 * directory flushed so the rename survives a power cut. On any failure the
 * temporary file is removed and nothing is at `file`.
 */
export async function writeFileAtomically(file: string, body: Buffer): Promise<void> {
  const directory = path.dirname(file);
  await makeDirectory(directory);
  const temporary = path.join(directory, `${TEMP_PREFIX}${path.basename(file)}.${randomBytes(6).toString('hex')}`);
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(body);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  try {
    const dir = await open(directory, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch (error) {
    // The rename may not survive a power cut: report the write failed, and leave nothing a caller could take for stored.
    await rm(file, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * `mkdir -p` that keeps the real reason: Node's recursive mkdir answers
 * ENOENT where the disk said EROFS (or ENOSPC), which would read as a bug.
 */
async function makeDirectory(directory: string): Promise<void> {
  try {
    await mkdir(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || path.dirname(directory) === directory) throw error;
    await makeDirectory(path.dirname(directory));
    await mkdir(directory).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again;
    });
  }
}

/** A disk error that needs an operator (full, read-only, not ours, failing) as StorageUnavailableError; any other as it is. */
function diskUnavailable(error: unknown, what: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  return code && DISK_UNAVAILABLE.has(code) ? new StorageUnavailableError(`${what}: ${code}`, { cause: error }) : error;
}

export class DiskStorage implements Storage {
  readonly kind = 'disk';

  constructor(private readonly directory: string) {}

  private file(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('storage keys are UUIDs');
    return path.join(this.directory, key.slice(0, 2), key);
  }

  async put(key: string, body: Buffer): Promise<void> {
    const file = this.file(key);
    await writeFileAtomically(file, body).catch((error: unknown) => {
      throw diskUnavailable(error, `cannot write ${file}`);
    });
  }

  get(key: string): Promise<Buffer> {
    const file = this.file(key);
    return readFile(file).catch((error: unknown) => {
      throw diskUnavailable(error, `cannot read ${file}`);
    });
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }

  async sweep(minAgeMs: number, unreferenced: (keys: string[]) => Promise<string[]>): Promise<{ temporary: number; orphans: number }> {
    // Real time, not the platform clock: file times are the disk's, and the sandbox clock runs ahead of them.
    const before = Date.now() - minAgeMs;
    let temporary = 0;
    let orphans = 0;
    let prefixes: string[];
    try {
      prefixes = (await readdir(this.directory, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { temporary, orphans }; // nothing uploaded yet
      throw error;
    }
    for (const prefix of prefixes) {
      const dir = path.join(this.directory, prefix);
      const old: string[] = [];
      for (const name of await readdir(dir)) {
        const info = await stat(path.join(dir, name)).catch(() => undefined);
        if (!info?.isFile() || info.mtimeMs >= before) continue;
        if (name.startsWith(TEMP_PREFIX)) {
          await rm(path.join(dir, name), { force: true });
          temporary++;
        } else if (/^[0-9a-f-]{36}$/.test(name)) old.push(name);
      }
      for (const key of old.length ? await unreferenced(old) : []) {
        await this.delete(key);
        orphans++;
      }
    }
    return { temporary, orphans };
  }
}

/** S3 answering 5xx, throttling, refusing our credentials, or not answering at all: unavailable. A 4xx about the request is ours. */
function s3Unavailable(error: unknown): boolean {
  const e = error as { $fault?: string; $metadata?: { httpStatusCode?: number }; name?: string };
  const status = e.$metadata?.httpStatusCode;
  if (status === undefined) return true; // no answer: refused, reset, timed out, unresolvable
  return status >= 500 || status === 403 || status === 429 || e.$fault === 'server';
}

/**
 * Tries per S3 call (the SDK retries 5xx, throttling, resets and timeouts, with a jittered backoff of at most 0.05 s,
 * then 0.1 s): an upload or a download S3 never answers fails after 3 timeouts, and a fraction of a second.
 */
export const S3_ATTEMPTS = 3;

export class S3Storage implements Storage {
  readonly kind = 's3';
  private connection?: Promise<{ sdk: typeof S3Sdk; client: S3Sdk.S3Client }>;

  constructor(private readonly options: Extract<Config['storage'], { kind: 's3' }>) {}

  /**
   * The AWS SDK, loaded at the first use: it is about 25 MB of a process's memory, which a platform storing
   * on disk (the default) should not carry (bench/memory's idle RSS, issue #17).
   */
  private s3(): Promise<{ sdk: typeof S3Sdk; client: S3Sdk.S3Client }> {
    this.connection ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: this.options.region,
        endpoint: this.options.endpoint,
        forcePathStyle: this.options.forcePathStyle,
        credentials:
          this.options.accessKeyId && this.options.secretAccessKey
            ? { accessKeyId: this.options.accessKeyId, secretAccessKey: this.options.secretAccessKey }
            : undefined,
        // A store that does not answer must not hold an upload open: the SDK's default waits forever. Its
        // `requestTimeout` alone only logs a warning (smithy's node-http-handler 4.x: `throwOnRequestTimeout` opts in
        // to the error), and it ends once the answer's headers are in: `socketTimeout` bounds a body that stalls.
        requestHandler: {
          connectionTimeout: this.options.connectTimeoutMs,
          requestTimeout: this.options.requestTimeoutMs,
          throwOnRequestTimeout: true,
          socketTimeout: this.options.requestTimeoutMs,
        },
        // The SDK's own default, made ours: a call that times out every time fails after S3_ATTEMPTS timeouts.
        maxAttempts: S3_ATTEMPTS,
      }),
    }));
    return this.connection;
  }

  /**
   * A whole call's deadline (every call takes one), its tries and the answer's body included: as long as S3_ATTEMPTS answer timeouts,
   * what a store that never answers takes to fail anyway. The per-try timeouts cannot end a store that sends a
   * byte now and then (each byte starts `socketTimeout` again), which held a download for as long as it trickled.
   */
  private deadline(): AbortSignal {
    return AbortSignal.timeout(S3_ATTEMPTS * this.options.requestTimeoutMs);
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    const { sdk, client } = await this.s3();
    // S3 makes an object visible only once its whole body has arrived: no reader sees half of it.
    await client
      .send(new sdk.PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: body, ContentType: contentType }), {
        abortSignal: this.deadline(),
      })
      .catch((error: unknown) => {
        throw s3Failure(error, `cannot store ${key} in S3`);
      });
  }

  async get(key: string): Promise<Buffer> {
    const { sdk, client } = await this.s3();
    try {
      const result = await client.send(new sdk.GetObjectCommand({ Bucket: this.options.bucket, Key: key }), {
        abortSignal: this.deadline(),
      });
      return Buffer.from(await result.Body!.transformToByteArray());
    } catch (error) {
      throw s3Failure(error, `cannot read ${key} from S3`);
    }
  }

  async delete(key: string): Promise<void> {
    const { sdk, client } = await this.s3();
    // Bounded too: an upload whose row was refused deletes its bytes before it answers.
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }), { abortSignal: this.deadline() });
  }

  /**
   * Objects a process killed between storing the bytes and writing their row left behind: listed a page
   * (at most 1,000) at a time, the old ones asked about, and the ones no row names deleted in one request.
   */
  async sweep(minAgeMs: number, unreferenced: (keys: string[]) => Promise<string[]>): Promise<{ temporary: number; orphans: number }> {
    const { sdk, client } = await this.s3();
    const before = Date.now() - minAgeMs;
    let orphans = 0;
    let token: string | undefined;
    do {
      const page = await client.send(new sdk.ListObjectsV2Command({ Bucket: this.options.bucket, ContinuationToken: token }), {
        abortSignal: this.deadline(),
      });
      // Only keys this store writes (UUIDs): anything else in the bucket is not ours to judge.
      const old = (page.Contents ?? [])
        .filter((o) => o.Key && /^[0-9a-f-]{36}$/.test(o.Key) && o.LastModified && o.LastModified.getTime() < before)
        .map((o) => o.Key!);
      const gone = old.length ? await unreferenced(old) : [];
      if (gone.length) {
        await client.send(
          new sdk.DeleteObjectsCommand({ Bucket: this.options.bucket, Delete: { Objects: gone.map((Key) => ({ Key })), Quiet: true } }),
          { abortSignal: this.deadline() },
        );
        orphans += gone.length;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return { temporary: 0, orphans };
  }
}

/** An S3 failure that is the store's (see `s3Unavailable`) as StorageUnavailableError; one about our request as it is. */
function s3Failure(error: unknown, what: string): unknown {
  return s3Unavailable(error) ? new StorageUnavailableError(`${what}: ${(error as Error).name}`, { cause: error }) : error;
}

export function createStorage(config: Config): Storage {
  return config.storage.kind === 's3' ? new S3Storage(config.storage) : new DiskStorage(config.storage.directory);
}
