import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SPEC_FILE, listOperations, type OperationInfo } from '../http/openapi.ts';
import type { Role } from '../http/auth.ts';
import { ROLES } from '../../modules/index.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';
import { rawRequest, type RawResponse } from '../../../test/helpers/raw-http.ts';

/**
 * Authorization is decided by the operation that will handle the request
 * (SECURITY.md). For every operation of the contract, every caller who is
 * not allowed gets 401/403 on the exact path, and every caller (allowed or
 * not) gets the router's 404 on a path that only resembles it: other
 * letter case, a trailing or doubled slash, a percent-encoded letter or
 * slash. A variant that reached any handler would answer something else.
 */
const operations: OperationInfo[] = listOperations(parse(readFileSync(SPEC_FILE, 'utf8')) as Record<string, unknown>);
const ID = '00000000-0000-4000-8000-000000000000';
const NO_ROUTE = 'There is no such route.';
const templates = [...new Set(operations.map((op) => op.path))].map(
  (template) => new RegExp(`^${template.replace(/\./g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
);

function concrete(template: string): string {
  return template.replace(/\{provider\}/g, 'google').replace(/\{[^}]+\}/g, ID);
}

/** Paths that look like `path` to a lenient router but are not a contract path. */
function lookalikes(path: string): string[] {
  const segments = path.split('/');
  const last = segments.length - 1;
  const literal = segments.findLastIndex((s, i) => i > 0 && s !== ID && s !== 'google');
  const word = segments[literal]!;
  const encoded = [...segments];
  encoded[literal] = `%${word.charCodeAt(0).toString(16)}${word.slice(1)}`;
  const mixed = [...segments];
  mixed[literal] = word[0]!.toUpperCase() + word.slice(1);
  const variants = [path.toUpperCase(), mixed.join('/'), `${path}/`, `/${path}`, path.replace(/^\/([^/]+)\//, '/$1//'), encoded.join('/')];
  // An encoded slash after a parameter would only make that parameter's value longer (the same, guarded operation).
  const before = segments[last - 1]!;
  if (before !== ID && before !== 'google') variants.push(`${segments.slice(0, last).join('/') || '/'}%2F${segments[last]}`);
  // A variant equal to the path itself proves nothing, and one that is an instance of another template
  // (`/v1/invoices/Upcoming` is `/v1/invoices/{id}`) is that operation, with its own guard (swept above).
  return [...new Set(variants)].filter((v) => v !== path && !templates.some((template) => template.test(v)));
}

describe('authorization sweep over the whole contract', () => {
  let t: TestPlatform;
  let base: string;
  const tokens = {} as Record<Role | 'everything', string>;

  beforeAll(async () => {
    t = await createTestPlatform();
    for (const role of ROLES) tokens[role] = (await t.userWithRoles([role])).token;
    // A caller holding every role passes any role check: if a lookalike path reached a handler, this one would show it.
    tokens.everything = (await t.userWithRoles([...ROLES])).token;
    base = await t.listen();
  });
  afterAll(async () => {
    await t.close();
  });

  function call(method: string, path: string, token?: string): Promise<RawResponse> {
    const body = method === 'get' || method === 'delete' ? undefined : '{}';
    return rawRequest(base, {
      method,
      path,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body,
    });
  }

  it('answers 401 to anonymous callers and 403 to each role outside x-roles, on the exact path', async () => {
    let checked = 0;
    for (const op of operations) {
      if (op.roles === 'public') continue;
      const path = concrete(op.path);
      const anonymous = await call(op.method, path);
      expect(anonymous.status, `anonymous ${op.method.toUpperCase()} ${op.path}`).toBe(401);
      expect(anonymous.body.code).toBe('AUTH.UNAUTHENTICATED');
      for (const role of ROLES.filter((r) => !(op.roles as Role[]).includes(r))) {
        const res = await call(op.method, path, tokens[role]);
        expect(res.status, `${role} ${op.method.toUpperCase()} ${op.path}`).toBe(403);
        expect(res.body.code).toBe('AUTH.FORBIDDEN');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('answers 404 to every lookalike of every path, whoever calls and whatever the roles', async () => {
    let checked = 0;
    for (const op of operations) {
      for (const variant of lookalikes(concrete(op.path))) {
        for (const caller of [undefined, ...ROLES, 'everything'] as const) {
          const res = await call(op.method, variant, caller && tokens[caller]);
          expect(
            { status: res.status, code: res.body.code, detail: res.body.detail },
            `${caller ?? 'anonymous'} ${op.method} ${variant}`,
          ).toEqual({
            status: 404,
            code: 'NOT_FOUND',
            detail: NO_ROUTE,
          });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(operations.length * 8 * 5);
  });

  it('answers 405 with Allow to a method the path does not have, before any role check', async () => {
    const byPath = new Map<string, Set<string>>();
    for (const op of operations) byPath.set(op.path, (byPath.get(op.path) ?? new Set()).add(op.method));
    let checked = 0;
    for (const [template, methods] of byPath) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete'].filter((m) => !methods.has(m))) {
        for (const caller of [undefined, 'everything'] as const) {
          const res = await call(method, concrete(template), caller && tokens[caller]);
          expect(res.status, `${method} ${template}`).toBe(405);
          expect(res.body.code).toBe('REQUEST.METHOD_NOT_ALLOWED');
          const allow = String(res.headers.allow).split(', ');
          for (const declared of methods) expect(allow).toContain(declared.toUpperCase());
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(byPath.size);
  });

  it('answers 404 to paths outside the contract, and never matches a parameter to an empty segment', async () => {
    for (const path of ['/v1', '/v1/', '/v1/nope', '/v1/orders//timeline', '/V1/AUTH/LOGIN', '/healthz/']) {
      const res = await call('get', path, tokens.everything);
      expect(res.status, path).toBe(404);
      expect(res.body.code, path).toBe('NOT_FOUND');
    }
  });

  it('routes the literal path before a parameter where two templates could match', async () => {
    const client = await t.userWithRoles(['client']);
    const upcoming = await call('get', '/v1/invoices/upcoming', client.token);
    expect(upcoming.status).toBe(200);
    expect(upcoming.body).toHaveProperty('subtotal');
  });
});
