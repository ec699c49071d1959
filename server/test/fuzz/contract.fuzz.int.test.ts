import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { loadSpec, listOperations } from '../../src/platform/http/openapi.ts';
import { ROLES } from '../../src/modules/index.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { rawRequest } from '../helpers/raw-http.ts';
import { PNG_1x1 } from '../helpers/images.ts';
import { valid, hostileValue, hostileText, resolve, knownIds, type Schema } from './arbitraries.ts';

/**
 * The contract, fuzzed (SECURITY.md). For every operation, requests built
 * from its own schemas — valid ones, valid ones with one field made
 * hostile, unknown and `__proto__` fields, hostile bodies, malformed JSON,
 * wrong content types, hostile path and query values, odd
 * Idempotency-Keys — from a caller holding every role and from nobody.
 * The rule: never a 5xx, and every refusal a problem+json with a `code`.
 *
 * `npm test` runs FUZZ_RUNS (default 40) per operation with a fixed seed;
 * `npm run test:fuzz` runs longer: FUZZ_SEED=<n> FUZZ_RUNS=<n> to choose.
 * A failure prints the seed and the shrunk request that broke the rule.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

type Spec = {
  paths: Record<string, Record<string, { parameters?: Schema[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema>; parameters?: Record<string, Schema> };
};
const spec = loadSpec() as unknown as Spec;
const operations = listOperations(spec as unknown as Record<string, unknown>);

interface FuzzRequest {
  caller: 'everything' | 'anonymous';
  pathParams: Record<string, string>;
  query: [string, string][];
  idempotencyKey: string | null;
  body:
    | { kind: 'none' }
    | { kind: 'json'; value: unknown }
    | { kind: 'raw'; contentType: string; text: string }
    | { kind: 'multipart'; filename: string; bytes: Uint8Array; field: string };
}

function parametersOf(path: string, method: string): Schema[] {
  const item = spec.paths[path]!;
  const all = [...((item.parameters as unknown as Schema[]) ?? []), ...(item[method]!.parameters ?? [])];
  return all.map((p) => (typeof p.$ref === 'string' ? spec.components!.parameters![(p.$ref as string).split('/').pop()!]! : p));
}

const malformedJson = fc.constantFrom(
  '{',
  '{"a":',
  '[1,',
  '\u0000',
  'nul',
  '{"a":1}{"b":2}',
  '"',
  '['.repeat(50_000),
  '{"a":"\\ud800"}',
  '{"__proto__":{"x":1}}',
  '\ufeff{}',
);
const wrongTypes = fc.constantFrom(
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/octet-stream',
  'image/png',
);

function requestOf(op: (typeof operations)[number], realIds: string[]): fc.Arbitrary<FuzzRequest> {
  const parameters = parametersOf(op.path, op.method);
  const pathParams: Record<string, fc.Arbitrary<string>> = {};
  const queryParams: fc.Arbitrary<[string, string] | null>[] = [];
  for (const parameter of parameters) {
    const schema = (parameter.schema ?? {}) as Schema;
    const proper = valid(spec, schema).map((v) => encodeURIComponent(String(v)));
    if (parameter.in === 'path') {
      const name = parameter.name as string;
      pathParams[name] = fc.oneof(
        { weight: 3, arbitrary: name === 'provider' ? fc.constantFrom('google', 'keycloak') : fc.constantFrom(...realIds) },
        { weight: 2, arbitrary: proper },
        { weight: 2, arbitrary: hostileText },
      );
    } else if (parameter.in === 'query') {
      queryParams.push(
        fc.option(
          fc.oneof(proper, hostileText).map((value) => [parameter.name as string, value] as [string, string]),
          { freq: 2 },
        ),
      );
    }
  }
  const content = spec.paths[op.path]![op.method]!.requestBody?.content ?? {};
  const jsonSchema = content['application/json']?.schema;
  const multipart = content['multipart/form-data'];
  const bodies: fc.Arbitrary<FuzzRequest['body']>[] = [];
  if (jsonSchema) {
    const proper = valid(spec, jsonSchema);
    const properties = Object.keys((resolve(spec, jsonSchema).properties as Record<string, unknown> | undefined) ?? {});
    bodies.push(
      proper.map((value) => ({ kind: 'json' as const, value })),
      proper.map((value) => ({ kind: 'json' as const, value })),
      fc.tuple(proper, fc.constantFrom(...(properties.length ? properties : ['x'])), hostileValue).map(([value, key, bad]) => ({
        kind: 'json' as const,
        value: value && typeof value === 'object' && !Array.isArray(value) ? { ...value, [key]: bad } : bad,
      })),
      fc
        .tuple(proper, fc.constantFrom('unknownField', '__proto__', 'constructor', 'id', 'roles', 'status', 'price'), hostileValue)
        .map(([value, key, bad]) => {
          const copy = value && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
          Object.defineProperty(copy, key, { value: bad, enumerable: true, configurable: true, writable: true });
          return { kind: 'json' as const, value: copy };
        }),
      hostileValue.map((value) => ({ kind: 'json' as const, value })),
    );
  }
  if (multipart) {
    bodies.push(
      fc.record({
        kind: fc.constant('multipart' as const),
        filename: fc.oneof(
          fc.constant('cat.png'),
          fc.string({ maxLength: 40 }).filter((s) => !/["\r\n]/.test(s)),
        ),
        bytes: fc.oneof(fc.constant(new Uint8Array(PNG_1x1)), fc.uint8Array({ maxLength: 64 })),
        field: fc.constantFrom('file', 'file', 'other'),
      }),
    );
  }
  bodies.push(
    fc.record({ kind: fc.constant('raw' as const), contentType: fc.constant('application/json'), text: malformedJson }),
    fc.record({
      kind: fc.constant('raw' as const),
      contentType: wrongTypes,
      text: fc.oneof(fc.constant('{}'), fc.string({ maxLength: 40 })),
    }),
  );
  if (!jsonSchema && !multipart) bodies.push(fc.constant({ kind: 'none' as const }), fc.constant({ kind: 'none' as const }));
  return fc.record({
    caller: fc.constantFrom('everything' as const, 'everything' as const, 'everything' as const, 'anonymous' as const),
    pathParams: fc.record(pathParams),
    query: fc
      .tuple(
        fc.tuple(...queryParams),
        fc.option(fc.tuple(fc.constantFrom('unknown', 'limit', 'cursor', '__proto__'), hostileText), { freq: 4 }),
      )
      .map(([known, extra]) => [...known, extra].filter((q): q is [string, string] => q !== null)),
    idempotencyKey: fc.option(fc.oneof(fc.uuid(), fc.constant('k'.repeat(4_000)), fc.stringMatching(/^[!-~]{1,300}$/)), { freq: 3 }),
    body: fc.oneof(...bodies),
  });
}

function encodeMultipart(body: { filename: string; bytes: Uint8Array; field: string }): { contentType: string; data: Buffer } {
  const boundary = 'chorecat-fuzz-boundary';
  const data = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${body.field}"; filename="${body.filename}"\r\nContent-Type: image/png\r\n\r\n`,
      'utf8',
    ),
    Buffer.from(body.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { contentType: `multipart/form-data; boundary=${boundary}`, data };
}

describe('the contract, fuzzed: no 5xx, every refusal a problem+json with a code', () => {
  let t: TestPlatform;
  let base: string;
  let token: string;
  const realIds: string[] = [];

  beforeAll(async () => {
    // Refusals of the public form are answered at once here: the tarpit's delay is tested with the form, not fuzzed.
    t = await createTestPlatform({ env: { APPLICATION_REFUSAL_DELAY_MS: '0' } });
    base = await t.listen();
    const everything = await t.userWithRoles([...ROLES]);
    token = everything.token;
    const manager = await t.userWithRoles(['manager']);
    const type = await t.api
      .post('/v1/service-types')
      .set('authorization', `Bearer ${manager.token}`)
      .send({ name: 'Fuzzed chore', description: '', durationMinutes: 60, kitItems: [{ name: 'Litter', quantity: 1 }] })
      .expect(201);
    const order = await t.api
      .post('/v1/orders')
      .set('authorization', `Bearer ${token}`)
      .send({
        serviceTypeId: type.body.id,
        startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        address: '1 Fuzz Lane',
        description: '',
      })
      .expect(201);
    const file = await t.api.post('/v1/files').set('authorization', `Bearer ${token}`).attach('file', PNG_1x1, 'cat.png').expect(201);
    realIds.push(everything.id, manager.id, type.body.id, order.body.id, file.body.id);
    knownIds.push(...realIds);
  });
  afterAll(() => t.close());

  for (const op of operations) {
    it(
      `${op.method.toUpperCase()} ${op.path}`,
      async () => {
        // Erasing the caller would leave every later request anonymous: that operation gets a caller of its own.
        const own = op.operationId === 'deleteMe' ? (await t.userWithRoles([...ROLES])).token : token;
        await fc.assert(
          fc.asyncProperty(requestOf(op, realIds), async (request) => {
            const path =
              op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => request.pathParams[name]!) +
              (request.query.length ? `?${request.query.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&')}` : '');
            const headers: Record<string, string> = {};
            if (request.caller === 'everything') headers.authorization = `Bearer ${own}`;
            if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
            let body: string | Buffer | undefined;
            if (request.body.kind === 'json') {
              headers['content-type'] = 'application/json';
              body = JSON.stringify(request.body.value) ?? 'null';
            } else if (request.body.kind === 'raw') {
              headers['content-type'] = request.body.contentType;
              body = request.body.text;
            } else if (request.body.kind === 'multipart') {
              const encoded = encodeMultipart(request.body);
              headers['content-type'] = encoded.contentType;
              body = encoded.data;
            }
            const res = await rawRequest(base, { method: op.method, path, headers, body });
            const summary = `${op.method.toUpperCase()} ${path.slice(0, 300)} → ${res.status} ${res.text.slice(0, 300)}`;
            expect(res.status, summary).toBeLessThan(500);
            if (res.status >= 400) {
              expect(String(res.headers['content-type']), summary).toMatch(/^application\/problem\+json/);
              expect(typeof res.body.code, summary).toBe('string');
            }
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
      },
      30_000 + RUNS * 250,
    );
  }
});
