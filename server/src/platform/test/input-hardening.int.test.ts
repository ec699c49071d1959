import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';
import { PNG_1x1 } from '../../../test/helpers/images.ts';
import { encodeCursor } from '../pagination.ts';

/**
 * Input that once reached PostgreSQL and came back as a 500 (issue #11):
 * crafted pagination cursors, NUL characters and unpaired surrogates in
 * text, text that is only white space. Each is a 400 problem+json naming
 * the field, and nothing is written.
 */
describe('hostile input is refused before it reaches the database', () => {
  let t: TestPlatform;
  let manager: { id: string; token: string };
  let supplies: { id: string; token: string };
  let client: { id: string; token: string };
  let worker: { id: string; token: string };
  let serviceTypeId: string;
  const as = (user: { token: string }) => `Bearer ${user.token}`;
  const count = async (table: string) =>
    Number(((await t.db.sequelize.query(`SELECT count(*)::int AS n FROM ${table}`, { plain: true })) as { n: number }).n);

  beforeAll(async () => {
    t = await createTestPlatform();
    manager = await t.userWithRoles(['manager']);
    supplies = await t.userWithRoles(['supplies']);
    client = await t.userWithRoles(['client']);
    worker = await t.userWithRoles(['worker']);
    const type = await t.api
      .post('/v1/service-types')
      .set('authorization', as(manager))
      .send({ name: 'Litter box', description: '', durationMinutes: 60, kitItems: [{ name: 'Litter', quantity: 1 }] })
      .expect(201);
    serviceTypeId = type.body.id;
  });
  afterAll(() => t.close());

  const crafted = {
    'a time and not a uuid': Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', 'not-a-uuid'])).toString('base64url'),
    'a number for a time': Buffer.from(JSON.stringify(['1', randomUUID()])).toString('base64url'),
    'a year PostgreSQL cannot hold': Buffer.from(JSON.stringify(['+275760-09-13T00:00:00.000Z', randomUUID()])).toString('base64url'),
    'a time that is not canonical': Buffer.from(JSON.stringify(['2026-02-30T00:00:00.000Z', randomUUID()])).toString('base64url'),
    'year 0000 (JavaScript has it, PostgreSQL does not)': Buffer.from(JSON.stringify(['0000-01-01T00:00:00.000Z', randomUUID()])).toString(
      'base64url',
    ),
    'an object': Buffer.from(JSON.stringify({ at: '2026-01-01T00:00:00.000Z', id: randomUUID() })).toString('base64url'),
    'not JSON at all': 'bm90IGpzb24',
  };

  it('answers a crafted cursor on every list with 400 VALIDATION.FAILED at /query/cursor', async () => {
    const lists: [string, () => { token: string }][] = [
      ['/v1/orders', () => manager],
      ['/v1/kits', () => supplies],
      ['/v1/emails', () => manager],
      ['/v1/invoices', () => client],
      ['/v1/workers', () => manager],
      ['/v1/applications', () => manager],
      ['/v1/statements', () => worker],
      ['/v1/service-types', () => manager],
    ];
    for (const [path, who] of lists) {
      for (const [kind, cursor] of Object.entries(crafted)) {
        const res = await t.api.get(path).query({ cursor }).set('authorization', as(who()));
        expect({ status: res.status, code: res.body.code }, `${path} with ${kind}`).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
        expect(res.body.errors).toEqual([expect.objectContaining({ path: '/query/cursor' })]);
      }
      // A cursor this API issued still works.
      const issued = encodeCursor({ at: new Date().toISOString(), id: randomUUID() });
      expect((await t.api.get(path).query({ cursor: issued }).set('authorization', as(who()))).status, path).toBe(200);
    }
  });

  it('refuses NUL and unpaired surrogates in JSON text, in keys and values, and writes nothing', async () => {
    const before = await count('orders');
    for (const bad of ['before\u0000after', 'lone \ud800 high', 'lone \udfff low']) {
      const res = await t.api
        .post('/v1/orders')
        .set('authorization', as(client))
        .send({ serviceTypeId, startsAt: new Date(Date.now() + 86_400_000).toISOString(), address: '1 Catnip Lane', description: bad });
      expect({ status: res.status, code: res.body.code }, JSON.stringify(bad)).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
      expect(res.body.errors).toEqual([expect.objectContaining({ path: '/body/description' })]);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const reward = await t.api
      .post(`/v1/workers/${worker.id}/rewards`)
      .set('authorization', as(manager))
      .send({ amount: '1.00', reason: 'nul\u0000reason' });
    expect(reward.status).toBe(400);
    expect(reward.body.errors).toEqual([expect.objectContaining({ path: '/body/reason' })]);
    const keyed = await t.api
      .post(`/v1/applications/${randomUUID()}/reject`)
      .set('authorization', as(manager))
      .send({ reason: 'fine', ['\ud800']: 1 });
    expect(keyed.status).toBe(400);
    const rejectReason = await t.api
      .post(`/v1/orders/${randomUUID()}/reject`)
      .set('authorization', as(client))
      .send({ reason: 'no\u0000' });
    expect(rejectReason.status).toBe(400);
    expect(rejectReason.body.errors).toEqual([expect.objectContaining({ path: '/body/reason' })]);
    expect(await count('orders')).toBe(before);
    expect(await count('rewards')).toBe(0);
  });

  it('refuses NUL in query parameters and in an uploaded file name', async () => {
    const query = await t.api.get('/v1/orders').query({ status: 'created\u0000' }).set('authorization', as(manager));
    expect(query.status).toBe(400);
    const before = await count('files');
    const raw = await t.api
      .post('/v1/files')
      .set('authorization', as(worker))
      .attach('file', PNG_1x1, { filename: 'cat\u0000.png', contentType: 'image/png' });
    expect({ status: raw.status, code: raw.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
    // RFC 5987 `filename*` is percent-decoded by the parser: the NUL reaches the file name itself.
    const boundary = 'chorecat-boundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''cat%00.png\r\nContent-Type: image/png\r\n\r\n`,
      ),
      PNG_1x1,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const encoded = await t.api
      .post('/v1/files')
      .set('authorization', as(worker))
      .set('content-type', `multipart/form-data; boundary=${boundary}`)
      .send(body);
    expect({ status: encoded.status, code: encoded.body.code, errors: encoded.body.errors }).toEqual({
      status: 400,
      code: 'VALIDATION.FAILED',
      errors: [expect.objectContaining({ path: '/body/file/filename' })],
    });
    expect(await count('files')).toBe(before);
    const fine = await t.api
      .post('/v1/files')
      .set('authorization', as(worker))
      .attach('file', PNG_1x1, { filename: 'cat 🐈.png', contentType: 'image/png' });
    expect(fine.status).toBe(201);
  });

  it('answers a body that cannot be inflated with 400, not 500', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const res = await t.api
        .post('/v1/auth/login')
        .set('content-type', 'application/json')
        .set('content-encoding', encoding)
        .send(Buffer.from('xxxx not compressed'));
      expect({ status: res.status, code: res.body.code }, encoding).toEqual({ status: 400, code: 'REQUEST.MALFORMED' });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('refuses an order whose address (or other required text) is only white space', async () => {
    const before = await count('orders');
    const res = await t.api
      .post('/v1/orders')
      .set('authorization', as(client))
      .send({ serviceTypeId, startsAt: new Date(Date.now() + 86_400_000).toISOString(), address: ' \t\n ', description: '' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: '/body/address' })]);
    const reward = await t.api
      .post(`/v1/workers/${worker.id}/rewards`)
      .set('authorization', as(manager))
      .send({ amount: '1.00', reason: '   ' });
    expect(reward.status).toBe(400);
    expect(await count('orders')).toBe(before);
  });
});
