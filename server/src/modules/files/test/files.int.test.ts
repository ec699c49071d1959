import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:http';
import type supertest from 'supertest';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { spawn } from 'node:child_process';
import S3rver from 's3rver';
import { S3Client, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { sniffImageType } from '../index.ts';
import { S3_ATTEMPTS } from '../../../platform/storage.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { JPEG_HEADER, PNG_1x1, WEBP_HEADER, pngOfSize } from '../../../../test/helpers/images.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('image types are read from the bytes', () => {
  it('knows JPEG, PNG and WebP and nothing else', () => {
    expect(sniffImageType(PNG_1x1)).toBe('image/png');
    expect(sniffImageType(JPEG_HEADER)).toBe('image/jpeg');
    expect(sniffImageType(WEBP_HEADER)).toBe('image/webp');
    expect(sniffImageType(Buffer.from('GIF89a......'))).toBeUndefined();
    expect(sniffImageType(Buffer.from('%PDF-1.7'))).toBeUndefined();
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeUndefined();
    expect(sniffImageType(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('files on local disk', () => {
  let t: TestPlatform;
  let client: { id: string; token: string };
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'chorecat-files-'));
    t = await createTestPlatform({ env: { CHORECAT_DATA_DIR: dataDir } });
    client = await t.userWithRoles(['client']);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = (bytes: Buffer, token = client.token, filename = 'photo.png', contentType = 'image/png') =>
    t.api.post('/v1/files').set('authorization', `Bearer ${token}`).attach('file', bytes, { filename, contentType });

  it('stores an image and gives it back to its uploader, byte for byte, with its hash', async () => {
    const res = await upload(PNG_1x1);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      contentType: 'image/png',
      size: PNG_1x1.length,
      sha256: sha(PNG_1x1),
      createdAt: expect.any(String),
    });
    const back = await t.api
      .get(`/v1/files/${res.body.id}`)
      .set('authorization', `Bearer ${client.token}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(back.status).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.headers['x-content-sha256']).toBe(sha(PNG_1x1));
    expect(Buffer.compare(back.body as Buffer, PNG_1x1)).toBe(0);
  });

  it('believes the bytes, not the declared type', async () => {
    const lie = await upload(Buffer.from('<?php system($_GET["c"]); ?>'), client.token, 'cat.png', 'image/png');
    expect(lie.status).toBe(415);
    expect(lie.body.code).toBe('FILES.UNSUPPORTED_TYPE');
    const modest = await upload(JPEG_HEADER, client.token, 'notes.txt', 'text/plain');
    expect(modest.status).toBe(201);
    expect(modest.body.contentType).toBe('image/jpeg');
    expect((await upload(WEBP_HEADER, client.token, 'x.webp', 'image/webp')).body.contentType).toBe('image/webp');
  });

  it('takes exactly 10 MB and refuses one byte more', async () => {
    expect((await upload(pngOfSize(10 * 1024 * 1024))).status).toBe(201);
    const big = await upload(pngOfSize(10 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('REQUEST.TOO_LARGE');
  });

  it('treats a retried upload with the same key as the same request only if the bytes are the same', async () => {
    const key = 'upload-retry-key-0001';
    const first = await t.api
      .post('/v1/files')
      .set('authorization', `Bearer ${client.token}`)
      .set('idempotency-key', key)
      .attach('file', PNG_1x1, 'a.png');
    expect(first.status).toBe(201);
    const retry = await t.api
      .post('/v1/files')
      .set('authorization', `Bearer ${client.token}`)
      .set('idempotency-key', key)
      .attach('file', PNG_1x1, 'a.png');
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    const other = await t.api
      .post('/v1/files')
      .set('authorization', `Bearer ${client.token}`)
      .set('idempotency-key', key)
      .attach('file', JPEG_HEADER, 'a.png');
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('removes the stored bytes again when their row cannot be written', async () => {
    // The database refusing the insert as a server shutting down does (SQLSTATE 57P01): the bytes are on disk by then.
    await t.db.pool.query(`CREATE FUNCTION refuse_file() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'shutting down' USING ERRCODE = '57P01'; END $$`);
    await t.db.pool.query('CREATE TRIGGER refuse_file BEFORE INSERT ON files FOR EACH ROW EXECUTE FUNCTION refuse_file()');
    const storedFiles = () =>
      readdirSync(path.join(dataDir, 'files'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort();
    const before = storedFiles();
    try {
      const res = await upload(pngOfSize(5000));
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('SERVICE.DATABASE_UNAVAILABLE');
    } finally {
      await t.db.pool.query('DROP TRIGGER refuse_file ON files; DROP FUNCTION refuse_file()');
    }
    // Exactly the files there were: the refused upload's bytes (and its temporary file) are gone.
    expect(storedFiles()).toEqual(before);
  });

  it('sweeps, once an hour old, the temporary files and row-less files a killed upload leaves, and nothing else', async () => {
    // What a process killed mid-upload leaves: a temporary file (killed while writing) and bytes whose row was
    // never inserted (killed between the rename and the insert), made here by hand, two hours old.
    const hoursAgo = (file: string, hours: number) =>
      utimesSync(file, new Date(Date.now() - hours * 3_600_000), new Date(Date.now() - hours * 3_600_000));
    const kept = await upload(PNG_1x1);
    const keptFile = path.join(dataDir, 'files', kept.body.id.slice(0, 2), kept.body.id);
    hoursAgo(keptFile, 2);
    const orphan = randomUUID();
    const orphanFile = path.join(dataDir, 'files', orphan.slice(0, 2), orphan);
    mkdirSync(path.dirname(orphanFile), { recursive: true });
    writeFileSync(orphanFile, PNG_1x1);
    hoursAgo(orphanFile, 2);
    const staleTemp = path.join(path.dirname(orphanFile), `.upload-${orphan}.0a1b2c3d4e5f`);
    writeFileSync(staleTemp, PNG_1x1.subarray(0, 10));
    hoursAgo(staleTemp, 2);
    // An upload still in flight: young, kept.
    const freshTemp = path.join(path.dirname(orphanFile), `.upload-${randomUUID()}.0a1b2c3d4e5f`);
    writeFileSync(freshTemp, PNG_1x1.subarray(0, 10));

    const run = await t.platform.kernel.scheduler.runJob('files.sweep', t.clock.now(), 'test');
    expect(run.outcome).toBe('succeeded');
    expect({
      orphan: existsSync(orphanFile),
      staleTemp: existsSync(staleTemp),
      freshTemp: existsSync(freshTemp),
      kept: existsSync(keptFile),
    }).toEqual({
      orphan: false,
      staleTemp: false,
      freshTemp: true,
      kept: true,
    });
    expect((await t.api.get(`/v1/files/${kept.body.id}`).set('authorization', `Bearer ${client.token}`)).status).toBe(200);
    rmSync(freshTemp);
  });

  it('lets only the uploader and staff read a file, and needs a file field', async () => {
    const { body } = await upload(PNG_1x1);
    const other = await t.userWithRoles(['client']);
    expect((await t.api.get(`/v1/files/${body.id}`).set('authorization', `Bearer ${other.token}`)).status).toBe(404);
    const manager = await t.userWithRoles(['manager']);
    expect((await t.api.get(`/v1/files/${body.id}`).set('authorization', `Bearer ${manager.token}`)).status).toBe(200);
    expect((await t.api.get('/v1/files/00000000-0000-4000-8000-000000000000').set('authorization', `Bearer ${client.token}`)).status).toBe(
      404,
    );
    expect((await t.api.post('/v1/files').attach('file', PNG_1x1, 'x.png')).status).toBe(401);
    const noFile = await t.api.post('/v1/files').set('authorization', `Bearer ${client.token}`).field('note', 'hello');
    expect(noFile.status).toBe(400);
  });
});

/** A local S3 (s3rver) with the platform's bucket: its address, the platform's variables for it, a client of our own. */
interface LocalS3 {
  endpoint: string;
  env: Record<string, string>;
  bucket: S3Client;
  /** s3rver's folder: an object's file is `<directory>/chorecat-test/<key>._S3rver_object`. */
  directory: string;
  /** Every key in the bucket, sorted. */
  keys(): Promise<string[]>;
  /** Stops s3rver now (S3 gone); `withS3rver` does it otherwise once `fn` ends. */
  stop(): Promise<void>;
}

async function withS3rver(fn: (s3: LocalS3) => Promise<void>): Promise<void> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'chorecat-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: 'chorecat-test' }] });
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const bucket = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= server.close());
  try {
    await fn({
      endpoint,
      env: {
        S3_BUCKET: 'chorecat-test',
        S3_ENDPOINT: endpoint,
        S3_ACCESS_KEY_ID: credentials.accessKeyId,
        S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        S3_FORCE_PATH_STYLE: '1',
      },
      bucket,
      directory,
      async keys() {
        const listed = await bucket.send(new ListObjectsV2Command({ Bucket: 'chorecat-test' }));
        return (listed.Contents ?? []).map((o) => o.Key!).sort();
      },
      stop,
    });
  } finally {
    bucket.destroy();
    await stop();
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * An S3 at the TCP level: records each connection's request line, reads and drops the rest of the request, then
 * leaves the socket to `answer` (by default, it says nothing).
 */
async function rawS3(
  answer: (socket: Socket) => void = () => {},
): Promise<{ endpoint: string; requestLines: string[]; close(): Promise<void> }> {
  const requestLines: string[] = [];
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n')) return;
      requestLines.push(head.slice(0, head.indexOf('\r\n')));
      socket.off('data', onData);
      socket.resume(); // the rest of the request read and dropped
      answer(socket);
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requestLines,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An S3 that takes the connection and never answers: it reads every request and says nothing. */
const silentServer = () => rawS3();

/**
 * An S3 that answers every request at once, 200 with a body of a megabyte, and sends that body a byte every
 * `everyMs` (shorter than any timeout between bytes): it would take days.
 */
const tricklingServer = (everyMs: number) =>
  rawS3((socket) => {
    socket.write('HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 1000000\r\n\r\n');
    const timer = setInterval(() => socket.write('x'), everyMs);
    socket.once('close', () => clearInterval(timer));
  });

/**
 * An address where a connection is never completed: a listening socket whose process never accepts (a child
 * blocked in Atomics.wait, so no CPU) and whose backlog is full (filled here), so the kernel drops every further
 * SYN and a connect stays pending; `probe` is the connection that proved it (still connecting after a second).
 */
async function listenerThatNeverAccepts(): Promise<{ endpoint: string; probe: Socket; close(): Promise<void> }> {
  const script = `const s = require('node:net').createServer();
    s.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
      process.stdout.write(s.address().port + '\\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (data: Buffer) => resolve(Number(String(data).trim())));
    child.once('exit', (code) => reject(new Error(`the listener exited (${code})`)));
  });
  const sockets: Socket[] = [];
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    child.kill('SIGKILL');
    await exited;
  };
  // The backlog takes a connection or two (the kernel's count is backlog + 1); the first one left pending is the proof.
  for (let i = 0; i < 10; i++) {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    sockets.push(socket);
    const connected = await new Promise<boolean>((resolve) => {
      socket.once('connect', () => resolve(true));
      setTimeout(() => resolve(false), 1_000);
    });
    if (!connected && socket.connecting) return { endpoint: `http://127.0.0.1:${port}`, probe: socket, close };
  }
  await close();
  throw new Error('every connection was completed: the backlog never filled');
}

/** What a timed-out call may take beyond its timeouts: the SDK's backoff (under 0.2 s in all), the request's own work, a busy machine. */
const SLACK_MS = 2_000;

describe('files on S3 (s3rver)', () => {
  it('stores and serves through any S3-compatible store', async () => {
    await withS3rver(async (s3) => {
      const t = await createTestPlatform({ env: s3.env });
      try {
        const client = await t.userWithRoles(['worker']);
        const res = await t.api.post('/v1/files').set('authorization', `Bearer ${client.token}`).attach('file', PNG_1x1, 'a.png');
        expect(res.status).toBe(201);
        const head = await s3.bucket.send(new HeadObjectCommand({ Bucket: 'chorecat-test', Key: res.body.id }));
        expect(head.ContentType).toBe('image/png');
        expect(head.ContentLength).toBe(PNG_1x1.length);
        const back = await t.api.get(`/v1/files/${res.body.id}`).set('authorization', `Bearer ${client.token}`);
        expect(back.status).toBe(200);
        expect(back.headers['x-content-sha256']).toBe(sha(PNG_1x1));
      } finally {
        await t.close();
      }
    });
  });

  it('sweeps from the bucket the row-less objects an hour old, and answers 503 when S3 cannot be read', async () => {
    await withS3rver(async (s3) => {
      const t = await createTestPlatform({ env: s3.env });
      try {
        const worker = await t.userWithRoles(['worker']);
        const kept = await t.api.post('/v1/files').set('authorization', `Bearer ${worker.token}`).attach('file', PNG_1x1, 'a.png');
        expect(kept.status).toBe(201);
        // What a process killed between storing the bytes and writing their row leaves: an object no row names.
        const [oldOrphan, youngOrphan] = [randomUUID(), randomUUID()];
        const notOurs = 'exports/report.csv';
        for (const Key of [oldOrphan, youngOrphan, notOurs]) {
          await s3.bucket.send(new PutObjectCommand({ Bucket: 'chorecat-test', Key, Body: PNG_1x1 }));
        }
        // Two hours old, by the time S3 lists (s3rver's object file's time), for the kept file and one orphan.
        const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
        const objectFile = (key: string) => path.join(s3.directory, 'chorecat-test', `${key}._S3rver_object`);
        for (const key of [kept.body.id as string, oldOrphan]) utimesSync(objectFile(key), twoHoursAgo, twoHoursAgo);

        const run = await t.platform.kernel.scheduler.runJob('files.sweep', t.clock.now(), 'test');
        expect(run.outcome).toBe('succeeded');
        expect(await s3.keys()).toEqual([kept.body.id, youngOrphan, notOurs].sort());
        const read = () => t.api.get(`/v1/files/${kept.body.id}`).set('authorization', `Bearer ${worker.token}`);
        expect((await read()).status).toBe(200);

        // S3 gone: reading the file is a 503 with Retry-After, not a 500.
        await s3.stop();
        const unavailable = await read();
        expect(unavailable.status).toBe(503);
        expect(unavailable.headers['retry-after']).toBe('60');
        expect(unavailable.body.code).toBe('FILES.STORAGE_UNAVAILABLE');
      } finally {
        await t.close();
      }
    });
  });

  it('answers 503 FILES.STORAGE_UNAVAILABLE when S3 answers 5xx or cannot be reached, storing nothing', async () => {
    // A store answering every request 500 (after the SDK's own retries), then the same port with nothing listening.
    const requests: string[] = [];
    const failing = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      req.resume();
      res.writeHead(500, { 'content-type': 'application/xml' }).end('<Error><Code>InternalError</Code><Message>down</Message></Error>');
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const { port } = failing.address() as AddressInfo;
    const t = await createTestPlatform({
      env: {
        S3_BUCKET: 'chorecat-test',
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
        S3_FORCE_PATH_STYLE: '1',
      },
    });
    try {
      const worker = await t.userWithRoles(['worker']);
      const upload = () => t.api.post('/v1/files').set('authorization', `Bearer ${worker.token}`).attach('file', PNG_1x1, 'a.png');
      const failed = await upload();
      expect(failed.status).toBe(503);
      expect(failed.headers['retry-after']).toBe('60');
      expect(failed.body.code).toBe('FILES.STORAGE_UNAVAILABLE');
      expect(requests.filter((r) => r.startsWith('PUT ')).length).toBeGreaterThan(0);
      await new Promise<void>((resolve) => failing.close(() => resolve()));
      const unreachable = await upload();
      expect(unreachable.status).toBe(503);
      expect(unreachable.body.code).toBe('FILES.STORAGE_UNAVAILABLE');
      const { rows } = await t.db.pool.query('SELECT count(*)::int AS n FROM files WHERE owner_id = $1', [worker.id]);
      expect(rows[0].n).toBe(0);
    } finally {
      failing.close();
      await t.close();
    }
  });
  /**
   * A file stored through a healthy S3 (s3rver), then a second platform on the same database whose S3 does not
   * answer (`broken`): its upload and its download of that file each fail as 503 FILES.STORAGE_UNAVAILABLE
   * within the configured timeouts (S3_ATTEMPTS of them, the SDK's tries) and SLACK_MS, never before, and the
   * failed upload leaves no row and nothing in the bucket.
   */
  async function timesOut(
    broken: { endpoint: string; env: Record<string, string> },
    bound: { fromMs: number; toMs: number },
  ): Promise<{ uploadMs: number; downloadMs: number }> {
    let result: { uploadMs: number; downloadMs: number } | undefined;
    await withS3rver(async (s3) => {
      const healthy = await createTestPlatform({ env: s3.env });
      const t = await createTestPlatform({
        databaseUrl: healthy.config.databaseUrl,
        env: { ...s3.env, ...broken.env, S3_ENDPOINT: broken.endpoint },
      });
      try {
        const worker = await healthy.userWithRoles(['worker']);
        const stored = await healthy.api.post('/v1/files').set('authorization', `Bearer ${worker.token}`).attach('file', PNG_1x1, 'a.png');
        expect(stored.status).toBe(201);
        const timed = async (request: () => Promise<supertest.Response>) => {
          const started = performance.now();
          const res = await request();
          const ms = performance.now() - started;
          expect(res.status, JSON.stringify(res.body)).toBe(503);
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(res.headers['retry-after']).toBe('60');
          expect(res.body.code).toBe('FILES.STORAGE_UNAVAILABLE');
          expect(ms).toBeGreaterThanOrEqual(bound.fromMs);
          expect(ms).toBeLessThanOrEqual(bound.toMs);
          return ms;
        };
        const uploadMs = await timed(() =>
          t.api.post('/v1/files').set('authorization', `Bearer ${worker.token}`).attach('file', pngOfSize(200_000), 'b.png'),
        );
        const downloadMs = await timed(() => t.api.get(`/v1/files/${stored.body.id}`).set('authorization', `Bearer ${worker.token}`));
        // Nothing half-stored: the one row and the one object are the healthy upload's.
        const { rows } = await t.db.pool.query('SELECT id FROM files WHERE owner_id = $1', [worker.id]);
        expect(rows.map((r: { id: string }) => r.id)).toEqual([stored.body.id]);
        expect(await s3.keys()).toEqual([stored.body.id]);
        // The file itself is whole, for a process whose S3 answers.
        const back = await healthy.api.get(`/v1/files/${stored.body.id}`).set('authorization', `Bearer ${worker.token}`);
        expect(back.status).toBe(200);
        expect(back.headers['x-content-sha256']).toBe(sha(PNG_1x1));
        result = { uploadMs, downloadMs };
      } finally {
        await t.close();
        await healthy.close();
      }
    });
    return result!;
  }

  it(
    'gives up an upload and a download after S3_REQUEST_TIMEOUT_MS per try when S3 takes the connection and never answers: 503, nothing stored',
    { timeout: 60_000 },
    async () => {
      const silent = await silentServer();
      try {
        // Each try waits the whole answer timeout; a connect timeout four times shorter never fires (the connection is made at once).
        const requestTimeoutMs = 1_000;
        const env = { S3_CONNECT_TIMEOUT_MS: '250', S3_REQUEST_TIMEOUT_MS: String(requestTimeoutMs) };
        const floor = S3_ATTEMPTS * requestTimeoutMs;
        const { uploadMs, downloadMs } = await timesOut({ endpoint: silent.endpoint, env }, { fromMs: floor, toMs: floor + SLACK_MS });
        // Every try reached S3 and sent its request: one PUT per try, then one GET per try, each on a connection of its own.
        const methods = silent.requestLines.map((line) => line.split(' ')[0]);
        expect(methods).toEqual([...Array<string>(S3_ATTEMPTS).fill('PUT'), ...Array<string>(S3_ATTEMPTS).fill('GET')]);
        console.info(
          `files S3 answer timeout: upload ${Math.round(uploadMs)} ms, download ${Math.round(downloadMs)} ms (floor ${floor} ms)`,
        );
      } finally {
        await silent.close();
      }
    },
  );

  it(
    'gives up an upload and a download S3 answers a byte at a time after S3_ATTEMPTS × S3_REQUEST_TIMEOUT_MS in all: 503, nothing stored',
    { timeout: 60_000 },
    async () => {
      // A byte every 0.3 s: the 1 s allowed between bytes never runs out, only the whole call's deadline can end it.
      const trickling = await tricklingServer(300);
      try {
        const requestTimeoutMs = 1_000;
        const env = { S3_CONNECT_TIMEOUT_MS: '250', S3_REQUEST_TIMEOUT_MS: String(requestTimeoutMs) };
        const deadline = S3_ATTEMPTS * requestTimeoutMs;
        const { uploadMs, downloadMs } = await timesOut(
          { endpoint: trickling.endpoint, env },
          { fromMs: deadline, toMs: deadline + SLACK_MS },
        );
        // One try each: the answer came, and a call past its deadline is not tried again.
        expect(trickling.requestLines.map((line) => line.split(' ')[0])).toEqual(['PUT', 'GET']);
        console.info(
          `files S3 trickling answer: upload ${Math.round(uploadMs)} ms, download ${Math.round(downloadMs)} ms (deadline ${deadline} ms)`,
        );
      } finally {
        await trickling.close();
      }
    },
  );

  it(
    'gives up an upload and a download after S3_CONNECT_TIMEOUT_MS per try when the connection to S3 is never completed: 503, nothing stored',
    { timeout: 60_000 },
    async () => {
      const listener = await listenerThatNeverAccepts();
      try {
        // The answer timeout (5 s a try) is past the bound: only the connect timeout can end these calls in time.
        const connectTimeoutMs = 500;
        const env = { S3_CONNECT_TIMEOUT_MS: String(connectTimeoutMs), S3_REQUEST_TIMEOUT_MS: '5000' };
        const floor = S3_ATTEMPTS * connectTimeoutMs;
        expect(floor + SLACK_MS).toBeLessThan(5_000);
        const { uploadMs, downloadMs } = await timesOut({ endpoint: listener.endpoint, env }, { fromMs: floor, toMs: floor + SLACK_MS });
        // The backlog stayed full all along: the first connection left pending still is.
        expect(listener.probe.connecting).toBe(true);
        console.info(
          `files S3 connect timeout: upload ${Math.round(uploadMs)} ms, download ${Math.round(downloadMs)} ms (floor ${floor} ms)`,
        );
      } finally {
        await listener.close();
      }
    },
  );
});
