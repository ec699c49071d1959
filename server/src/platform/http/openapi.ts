import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Request, Response, NextFunction, RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { AppError } from '../errors.ts';
import type { Role } from './auth.ts';

/**
 * The contract binds the routes: every operation in the contract is
 * served by the handler registered under its operationId, and the app
 * refuses to start if one is missing or one is extra. Allowed roles come
 * from each operation's `x-roles` (an operation with `security: []` is
 * public), enforced here in one place.
 *
 * The contract is written split by module (openapi/openapi.yaml and the
 * `openapi/<module>/` files it `$ref`s); the server loads the one bundled
 * document `npm run generate` writes, so it neither resolves files at start
 * nor needs Redocly (a dev dependency) installed to run.
 */
export const SPEC_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../openapi/bundled/openapi.yaml');

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

export interface OperationInfo {
  operationId: string;
  method: Method;
  path: string;
  roles: Role[] | 'public';
  /** The path template's segments: a string is literal, null a parameter (its name in `params`). */
  segments: (string | null)[];
  params: string[];
  /** False for an operation declared `x-idempotency: none`: its answer carries credentials, so none is stored to replay. */
  replayable: boolean;
}

export type OperationHandler = (req: Request, res: Response, next: NextFunction) => unknown;
export type OperationHandlers = Record<string, OperationHandler>;

type Spec = {
  paths: Record<string, Record<string, { operationId?: string; security?: unknown[]; 'x-roles'?: string[]; 'x-idempotency'?: string }>>;
};

/**
 * The production build (`npm run build`) writes the bundled contract beside its code as JSON too, stamped with the
 * YAML's size and modification time: JSON.parse takes a few ms where parsing the YAML takes about 450 ms of CPU at
 * every start. A YAML changed since the build is parsed as before.
 */
export const BUILT_SPEC_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../contract.json');

export function builtSpecStamp(file = SPEC_FILE): string {
  const { size, mtimeMs } = statSync(file);
  return `${size}:${mtimeMs}`;
}

export function loadSpec(file = SPEC_FILE): Record<string, unknown> {
  if (file === SPEC_FILE) {
    let built: { stamp: string; spec: Record<string, unknown> } | undefined;
    try {
      built = JSON.parse(readFileSync(BUILT_SPEC_FILE, 'utf8')) as typeof built;
    } catch {
      built = undefined; // not a build, or an unreadable one: the YAML is the truth
    }
    if (built && built.stamp === builtSpecStamp(file)) return built.spec;
  }
  return parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** `roles`, when given (the kernel's, at start), are all the roles an operation may declare in `x-roles`. */
export function listOperations(spec: Record<string, unknown>, roles?: readonly string[]): OperationInfo[] {
  const operations: OperationInfo[] = [];
  const ids = new Set<string>();
  for (const [specPath, item] of Object.entries((spec as Spec).paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${specPath} has no operationId`);
      if (ids.has(op.operationId)) throw new Error(`operationId ${op.operationId} is used twice`);
      ids.add(op.operationId);
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      const declared = op['x-roles'];
      if (!isPublic && (!declared || declared.length === 0)) {
        throw new Error(`${op.operationId} is neither public (security: []) nor declares x-roles`);
      }
      for (const role of declared ?? []) if (roles && !roles.includes(role)) throw new Error(`${op.operationId}: unknown role ${role}`);
      const segments = specPath
        .split('/')
        .slice(1)
        .map((part) => (/^\{[^}]+\}$/.test(part) ? null : part));
      const params = [...specPath.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      operations.push({
        operationId: op.operationId,
        method,
        path: specPath,
        roles: isPublic ? 'public' : (declared as Role[]),
        segments,
        params,
        replayable: op['x-idempotency'] !== 'none',
      });
    }
  }
  return operations;
}

export interface RouteMatch {
  operation: OperationInfo;
  params: Record<string, string>;
}

/**
 * The one route match (ARCHITECTURE.md, convention 11). A request path is
 * compared with the contract's path templates segment by segment, exactly:
 * case-sensitively, on the raw (still percent-encoded) path, with no
 * trailing or doubled slash, so `/V1/EMAILS`, `/v1/emails/`, `//v1/emails`
 * and `/v1/%65mails` are no route at all. Literal segments win over
 * parameters at the first place two templates differ (`/v1/invoices/upcoming`
 * before `/v1/invoices/{id}`), as in the validator. Parameters are decoded
 * once here. Routing, roles, validation, idempotency, metrics and the
 * handler all use this match and no other.
 */
export class OperationMatcher {
  private readonly templates: { segments: (string | null)[]; params: string[]; byMethod: Map<string, OperationInfo> }[] = [];

  constructor(operations: OperationInfo[]) {
    const byPath = new Map<string, (typeof this.templates)[number]>();
    for (const op of operations) {
      let template = byPath.get(op.path);
      if (!template) {
        template = { segments: op.segments, params: op.params, byMethod: new Map() };
        byPath.set(op.path, template);
        this.templates.push(template);
      }
      template.byMethod.set(op.method, op);
    }
    // Most specific first: at the first differing segment, a literal before a parameter.
    this.templates.sort((a, b) => {
      for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
        const x = a.segments[i] === null ? 1 : 0;
        const y = b.segments[i] === null ? 1 : 0;
        if (x !== y) return x - y;
      }
      return 0;
    });
  }

  /** The operations of the template this path matches, or undefined; throws on a parameter that is not valid percent-encoding. */
  match(rawPath: string): { byMethod: Map<string, OperationInfo>; params: Record<string, string> } | undefined {
    if (!rawPath.startsWith('/')) return undefined;
    const parts = rawPath.split('/').slice(1);
    for (const template of this.templates) {
      if (template.segments.length !== parts.length) continue;
      const values: string[] = [];
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const literal = template.segments[i];
        const part = parts[i]!;
        if (literal === null) {
          if (part === '') ok = false;
          else values.push(part);
        } else if (literal !== part) ok = false;
      }
      if (!ok) continue;
      const params: Record<string, string> = {};
      template.params.forEach((name, i) => {
        let value: string;
        try {
          value = decodeURIComponent(values[i]!);
        } catch {
          throw new AppError('VALIDATION.FAILED', `The path parameter ${name} is not valid percent-encoding.`, {
            errors: [{ path: `/path/${name}`, message: 'must be valid percent-encoded UTF-8' }],
          });
        }
        params[name] = value;
      });
      return { byMethod: template.byMethod, params };
    }
    return undefined;
  }
}

/**
 * Matches the request to its operation (or answers 404 / 405) and records
 * the match for everything after it. Paths outside the contract that the
 * app serves itself (the panel, the docs) are mounted before this.
 */
export function matchOperation(operations: OperationInfo[]): RequestHandler {
  const matcher = new OperationMatcher(operations);
  return (req, res, next) => {
    const found = matcher.match(req.path);
    if (!found) return next(new AppError('NOT_FOUND', 'There is no such route.'));
    const method = req.method.toLowerCase();
    const operation = found.byMethod.get(method) ?? (method === 'head' ? found.byMethod.get('get') : undefined);
    if (!operation) {
      const allow = [...found.byMethod.keys()].map((m) => m.toUpperCase());
      if (allow.includes('GET')) allow.push('HEAD');
      return next(
        new AppError('REQUEST.METHOD_NOT_ALLOWED', `This route accepts ${allow.join(', ')}.`, { headers: { Allow: allow.join(', ') } }),
      );
    }
    const match: RouteMatch = { operation, params: found.params };
    res.locals.operation = operation;
    res.locals.match = match;
    next();
  };
}

/**
 * Authorisation before validation: an anonymous or under-privileged caller
 * learns nothing about the shape a route expects (401/403 before any 400).
 * Decided on the match, so it is the very operation that will handle the request.
 */
export function authorize(): RequestHandler {
  return (req, res, next) => {
    const op = (res.locals.match as RouteMatch | undefined)?.operation;
    if (!op) return next(new AppError('NOT_FOUND', 'There is no such route.'));
    if (op.roles === 'public') return next();
    if (!req.principal) return next(new AppError('AUTH.UNAUTHENTICATED', 'This operation needs an access token.'));
    const allowed = op.roles;
    if (!req.principal.roles.some((role) => allowed.includes(role))) {
      return next(new AppError('AUTH.FORBIDDEN', `This operation is for ${allowed.join(', ')} only.`));
    }
    next();
  };
}

/**
 * The validator compiles a route's schemas on its first request, and each
 * compile carries the whole document (its `paths` and `components`), which
 * Ajv walks every time: ~250 ms of CPU per route. Platforms built in one
 * process on the same contract and options (the CLI's, the test suite's: one
 * per test file or more, files sharing a worker) share one validator and so
 * compile each route once. It keeps no state of its own between requests.
 */
const validators = new Map<string, RequestHandler[]>();

export function validator(spec: Record<string, unknown>, options: { validateResponses: boolean; ignorePaths: RegExp }): RequestHandler[] {
  const key = JSON.stringify([options.validateResponses, options.ignorePaths.source, options.ignorePaths.flags, spec]);
  let handlers = validators.get(key);
  if (!handlers) {
    handlers = buildValidator(spec, options);
    validators.set(key, handlers);
  }
  return handlers;
}

function buildValidator(spec: Record<string, unknown>, options: { validateResponses: boolean; ignorePaths: RegExp }): RequestHandler[] {
  compileRoutePatternsOnce();
  const middleware = OpenApiValidator.middleware({
    // The validator mutates the document it is given; hand it its own copy.
    apiSpec: structuredClone(spec) as never,
    validateRequests: { allowUnknownQueryParameters: false, removeAdditional: false },
    validateResponses: options.validateResponses ? { removeAdditional: false } : false,
    validateSecurity: false,
    validateFormats: true,
    ignorePaths: options.ignorePaths,
    ignoreUndocumented: false,
    // Uploads: one file, in memory, at most 10 MB (a photo); more is a 413 before any of our code runs.
    fileUploader: { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } },
  }) as RequestHandler[];
  return middleware.map((handler) => asGetForHead(handler.name === 'multipartMiddleware' ? clientErrorsOfMultipart(handler) : handler));
}

/**
 * express-openapi-validator 5.6 finds a request's route by compiling the
 * path-to-regexp pattern of every path before the matching one, on every
 * request (57 of them for the last; 9 % of `GET /v1/orders/{id}`'s CPU, issue
 * #17). It has no option to cache them, and one validator per operation
 * would hold a copy of the 260 kB contract each. The compiled pattern depends
 * only on the route and the routing options, so path-to-regexp's
 * `pathToRegexp` (as the validator resolves it) is memoised here, as upstream's
 * open pull request #1217 does inside the validator. The result is a plain
 * RegExp without the g or y flag (no lastIndex state) and its keys, which no
 * caller changes; the cache is bounded by the contract's routes.
 */
function compileRoutePatternsOnce(): void {
  const fromValidator = createRequire(createRequire(import.meta.url).resolve('express-openapi-validator'));
  const pathToRegexp = fromValidator('path-to-regexp') as { pathToRegexp: PathToRegexp & { memoised?: true } };
  if (pathToRegexp.pathToRegexp.memoised) return;
  const compile = pathToRegexp.pathToRegexp;
  // One map per combination of the two options, keyed by the route itself: the validator passes the same route
  // strings on every request, whose hashes V8 keeps, where a key built per call was a new string to hash each time.
  const compiled = [0, 1, 2, 3].map(() => new Map<string, ReturnType<PathToRegexp>>());
  const memoised = Object.assign(
    (route: unknown, options?: { sensitive?: boolean; strict?: boolean; end?: boolean; delimiter?: string; trailing?: boolean }) => {
      if (typeof route !== 'string') return compile(route, options);
      // Other options change the pattern: compiled every time, as without the cache (the validator passes none).
      for (const option in options) if (option !== 'sensitive' && option !== 'strict') return compile(route, options);
      const cache = compiled[(options?.sensitive ? 2 : 0) + (options?.strict ? 1 : 0)]!;
      let result = cache.get(route);
      if (!result) {
        result = compile(route, options);
        if (cache.size < 10_000) cache.set(route, result);
      }
      return result;
    },
    { memoised: true as const },
  );
  pathToRegexp.pathToRegexp = memoised as typeof pathToRegexp.pathToRegexp;
}
type PathToRegexp = (route: unknown, options?: object) => { regexp: RegExp; keys: { name: string }[] };

/**
 * HEAD is answered by the GET operation (`matchOperation`, and the Allow of
 * every 405 says so), but the validator knows only the contract's methods
 * and answered it 405. It checks a HEAD as the GET it stands for (the same
 * query and roles); the method is HEAD again before anything else runs, so
 * Node still sends no body.
 */
function asGetForHead(handler: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'HEAD') return handler(req, res, next);
    req.method = 'GET';
    return handler(req, res, (error?: unknown) => {
      req.method = 'HEAD';
      next(error);
    });
  };
}

/**
 * The validator reports what the multipart parser (multer over busboy)
 * refuses, such as a part header with a NUL in its file name or a body cut
 * short, as a 500. Every such refusal is about the bytes the client sent:
 * a 400. Its size limits are already 413s and pass through.
 */
function clientErrorsOfMultipart(handler: RequestHandler): RequestHandler {
  return (req, res, next) =>
    handler(req, res, (error?: unknown) => {
      const status = (error as { status?: number } | undefined)?.status;
      if (error === undefined || error === null || status !== 500) return next(error);
      next(
        new AppError('VALIDATION.FAILED', 'The multipart body could not be read.', {
          errors: [{ path: '/body', message: `must be a well-formed multipart/form-data body (${(error as Error).message})` }],
        }),
      );
    });
}

/**
 * Runs the matched operation's handler chain (its guards, idempotency, the
 * handler); throws at start if the spec's operations and the handlers differ.
 * Dispatch is by the match, not by a second routing pass.
 */
export function bindOperations(
  operations: OperationInfo[],
  handlers: OperationHandlers,
  perOperation: (op: OperationInfo) => RequestHandler[] = () => [],
): RequestHandler {
  const missing = operations.filter((op) => !handlers[op.operationId]).map((op) => op.operationId);
  const specIds = new Set(operations.map((op) => op.operationId));
  const extra = Object.keys(handlers).filter((id) => !specIds.has(id));
  if (missing.length || extra.length) {
    throw new Error(
      `handlers and spec disagree; missing handlers: [${missing.join(', ')}], handlers not in the spec: [${extra.join(', ')}]`,
    );
  }
  const chains = new Map(operations.map((op) => [op.operationId, [...perOperation(op), handlers[op.operationId]!] as OperationHandler[]]));
  return (req, res, next) => {
    const match = res.locals.match as RouteMatch | undefined;
    if (!match) return next(new AppError('NOT_FOUND', 'There is no such route.'));
    // The validator routes on its own; it must have seen the same operation, or its checks were not this route's.
    const validated = (req as Request & { openapi?: { openApiRoute?: string } }).openapi?.openApiRoute;
    if (validated !== undefined && validated !== match.operation.path) {
      return next(new Error(`route mismatch: matched ${match.operation.path}, validated ${validated}`));
    }
    req.params = match.params;
    runChain(chains.get(match.operation.operationId)!, req, res, next);
  };
}

function runChain(chain: OperationHandler[], req: Request, res: Response, done: NextFunction): void {
  let index = 0;
  const step = (error?: unknown): void => {
    if (error !== undefined && error !== null) return done(error);
    const handler = chain[index++];
    if (!handler) return done();
    try {
      const result = handler(req, res, step as NextFunction);
      if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(undefined, step);
    } catch (error) {
      step(error);
    }
  };
  step();
}
