import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { S3Client, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import type { Config } from './config.ts';

/**
 * Where uploaded bytes live. Keys are ours (UUIDs), never user input.
 * Local disk by default (the data folder); any S3-compatible store when
 * S3_BUCKET is set.
 */
export interface Storage {
  readonly kind: 'disk' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
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
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body, { flag: 'wx' });
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.file(key));
  }
}

export class S3Storage implements Storage {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly options: Extract<Config['storage'], { kind: 's3' }>) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
    });
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  async get(key: string): Promise<Buffer> {
    const result = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
    return Buffer.from(await result.Body!.transformToByteArray());
  }
}

export function createStorage(config: Config): Storage {
  return config.storage.kind === 's3' ? new S3Storage(config.storage) : new DiskStorage(config.storage.directory);
}
