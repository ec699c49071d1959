import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import express, { type Request, type Response, type NextFunction, type RequestHandler, type Router } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { AppError } from '../errors.ts';
import { ROLES, type Role } from './auth.ts';

/**
 * The contract binds the routes: every operation in openapi/openapi.yaml is
 * served by the handler registered under its operationId, and the app
 * refuses to start if one is missing or one is extra. Allowed roles come
 * from each operation's `x-roles` (an operation with `security: []` is
 * public), enforced here in one place.
 */
export const SPEC_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../openapi/openapi.yaml');

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

export interface OperationInfo {
  operationId: string;
  method: Method;
  path: string;
  roles: Role[] | 'public';
  pattern: RegExp;
}

export type OperationHandler = (req: Request, res: Response, next: NextFunction) => unknown;
export type OperationHandlers = Record<string, OperationHandler>;

type Spec = { paths: Record<string, Record<string, { operationId?: string; security?: unknown[]; 'x-roles'?: string[] }>> };

export function loadSpec(file = SPEC_FILE): Record<string, unknown> {
  return parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

export function listOperations(spec: Record<string, unknown>): OperationInfo[] {
  const operations: OperationInfo[] = [];
  for (const [specPath, item] of Object.entries((spec as Spec).paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${specPath} has no operationId`);
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      const declared = op['x-roles'];
      if (!isPublic && (!declared || declared.length === 0)) {
        throw new Error(`${op.operationId} is neither public (security: []) nor declares x-roles`);
      }
      for (const role of declared ?? []) if (!ROLES.includes(role as Role)) throw new Error(`${op.operationId}: unknown role ${role}`);
      // Built from the spec's own path templates, escaped: not user input.
      // eslint-disable-next-line security/detect-non-literal-regexp
      const pattern = new RegExp(`^${specPath.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`);
      operations.push({ operationId: op.operationId, method, path: specPath, roles: isPublic ? 'public' : (declared as Role[]), pattern });
    }
  }
  return operations;
}

/**
 * Authorisation before validation: an anonymous or under-privileged caller
 * learns nothing about the shape a route expects (401/403 before any 400).
 */
export function authorize(operations: OperationInfo[]): RequestHandler {
  return (req, res, next) => {
    const method = req.method.toLowerCase();
    const op = operations.find((o) => (o.method === method || (method === 'head' && o.method === 'get')) && o.pattern.test(req.path));
    res.locals.operation = op;
    if (!op || op.roles === 'public') return next();
    if (!req.principal) return next(new AppError('AUTH.UNAUTHENTICATED', 'This operation needs an access token.'));
    const allowed = op.roles;
    if (!req.principal.roles.some((role) => allowed.includes(role))) {
      return next(new AppError('AUTH.FORBIDDEN', `This operation is for ${allowed.join(', ')} only.`));
    }
    next();
  };
}

export function validator(spec: Record<string, unknown>, options: { validateResponses: boolean; ignorePaths: RegExp }): RequestHandler[] {
  return OpenApiValidator.middleware({
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
}

/** Binds every spec operation to its handler; throws if the two sets differ. */
export function bindOperations(
  operations: OperationInfo[],
  handlers: OperationHandlers,
  perOperation: (op: OperationInfo) => RequestHandler[] = () => [],
): Router {
  const router = express.Router();
  const missing = operations.filter((op) => !handlers[op.operationId]).map((op) => op.operationId);
  const specIds = new Set(operations.map((op) => op.operationId));
  const extra = Object.keys(handlers).filter((id) => !specIds.has(id));
  if (missing.length || extra.length) {
    throw new Error(
      `handlers and spec disagree; missing handlers: [${missing.join(', ')}], handlers not in the spec: [${extra.join(', ')}]`,
    );
  }
  for (const op of operations) {
    const expressPath = op.path.replace(/\{([^}]+)\}/g, ':$1');
    const handler = handlers[op.operationId]!;
    router[op.method](expressPath, ...perOperation(op), async (req: Request, res: Response, next: NextFunction) => {
      try {
        await handler(req, res, next);
      } catch (error) {
        next(error);
      }
    });
  }
  return router;
}
