/**
 * Writes sdk/src/generated/resources.ts from the bundled contract: one
 * method per operation, grouped by the operation's tag, so a new route
 * appears in the SDK by itself. The types stay in generated/schema.ts
 * (`operations[operationId]`); this file adds only the names, the
 * positional path parameters, the runtime table and the error codes.
 *
 * Naming, as partners think of the API (Stripe's `invoices.retrieveUpcoming`):
 * group = the path's resource, its first segment after `/v1/` in camelCase
 * (`/v1/orders/{id}/cancel` → orders, `/v1/service-types` → serviceTypes;
 * a path outside /v1, such as /healthz, goes by its tag); method = the
 * operationId with the group's noun taken out (listOrders → orders.list,
 * getOrderTimeline → orders.getTimeline, packKit → kits.pack,
 * getUpcomingInvoice → invoices.getUpcoming), or the operationId itself when
 * it does not name the group (orders.placeBid, workers.createReward).
 * An operation's `x-sdk-method` overrides the derived name.
 */

import { COMMON_EXTENSIONS, commonCodesOf, type SpecOperation } from '../../server/src/platform/http/documented-errors.ts';

type Json = Record<string, unknown>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Tags whose operations are not for partners: callbacks from external services. Left out of the resource groups. */
export const EXCLUDED_TAGS = ['integrations'];

/** The raw client's own members, which a group must not shadow. */
const RESERVED_GROUPS = ['request', 'use', 'eject', 'then'];

export interface ResourceOperation {
  operationId: string;
  tag: string;
  group: string;
  method: string;
  httpMethod: (typeof HTTP_METHODS)[number];
  path: string;
  summary: string;
  pathParams: string[];
  query: 'none' | 'optional' | 'required';
  body: 'none' | 'optional' | 'required';
  multipart: boolean;
  parseAs: 'json' | 'text' | 'blob';
  /** The query parameter a list takes the previous page's `nextCursor` in; null when not a list. */
  cursorParam: string | null;
  /** The operation's own documented codes (`x-error-codes`); null when it lists none. */
  errorCodes: string[] | null;
}

export interface ResourceModel {
  operations: ResourceOperation[];
  excluded: { operationId: string; tag: string }[];
  /** The root's `x-common-error-codes`; null when the contract lists none. */
  commonErrorCodes: string[] | null;
}

const words = (id: string) => id.split(/(?=[A-Z])/);
const camel = (text: string) =>
  text.replace(/[-_ ]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^[A-Z]/, (c) => c.toLowerCase());

/** A noun's singular: orders → order, vacancies → vacancy, balance → balance. */
const singular = (word: string) => word.replace(/ies$/, 'y').replace(/s$/, '');

/** The method name derived from an operationId, taking out the group's noun (its words in a row, the last singular or plural). */
export function deriveMethodName(operationId: string, group: string): string {
  const parts = words(operationId);
  const noun = words(group).map((w) => w.toLowerCase());
  const matches = (at: number) =>
    noun.every((w, i) => {
      const part = parts[at + i]?.toLowerCase();
      return part === w || (i === noun.length - 1 && part !== undefined && singular(part) === singular(w));
    });
  for (let at = 1; at + noun.length <= parts.length; at++) {
    if (matches(at)) return camel([...parts.slice(0, at), ...parts.slice(at + noun.length)].join(''));
  }
  return operationId;
}

/** The group an operation's method goes in: the path's resource under /v1, else the tag. */
export function groupOf(path: string, tag: string): string {
  const resource = /^\/v1\/([a-z][a-z0-9-]*)/.exec(path)?.[1];
  return camel(resource ?? tag);
}

function resolve(doc: Json, value: unknown): Json {
  let node = value as Json;
  for (let hops = 0; node && typeof node.$ref === 'string' && hops < 20; hops++) {
    const ref = node.$ref as string;
    if (!ref.startsWith('#/')) throw new Error(`resources: only local $refs are supported (${ref})`);
    node = ref
      .slice(2)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((at, key) => (at as Json | undefined)?.[key], doc) as Json;
  }
  return node ?? {};
}

/**
 * The operation's codes beyond the every-operation list: its own
 * `x-error-codes` plus the conditional common lists that apply to it (roles,
 * idempotency), by the one rule the server's test-mode check also reads
 * (commonCodesOf). Null when the contract documents no codes at all.
 */
function operationCodes(doc: Json, httpMethod: string, op: Json, operationId: string): string[] | null {
  const own = codeList(op['x-error-codes'], `${operationId}'s x-error-codes`);
  const everyOperation = new Set(codeList(doc[COMMON_EXTENSIONS.all], COMMON_EXTENSIONS.all) ?? []);
  const conditional = commonCodesOf(doc, httpMethod, op as SpecOperation).filter((code) => !everyOperation.has(code));
  if (own === null && !conditional.length) return null;
  return [...new Set([...(own ?? []), ...conditional])].sort();
}

function codeList(value: unknown, where: string): string[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.some((c) => typeof c !== 'string')) throw new Error(`resources: ${where} must be a list of codes`);
  return [...new Set(value as string[])].sort();
}

function parseAsOf(responses: Json, doc: Json): ResourceOperation['parseAs'] {
  const success = Object.keys(responses)
    .filter((status) => /^2\d\d$/.test(status))
    .sort()[0];
  const content = success ? (resolve(doc, responses[success]).content as Json | undefined) : undefined;
  const media = Object.keys(content ?? {});
  if (!media.length || media.some((m) => m === 'application/json' || m.endsWith('+json'))) return 'json';
  if (media.some((m) => m.startsWith('text/'))) return 'text';
  return 'blob';
}

function isPage(responses: Json, doc: Json): boolean {
  const content = responses['200'] ? (resolve(doc, responses['200']).content as Json | undefined) : undefined;
  const schema = resolve(doc, (content?.['application/json'] as Json | undefined)?.schema);
  const props = (schema.properties ?? {}) as Json;
  return resolve(doc, props.data).type === 'array' && 'nextCursor' in props;
}

export function resourceModel(doc: Json): ResourceModel {
  const operations: ResourceOperation[] = [];
  const excluded: ResourceModel['excluded'] = [];
  const seen = new Map<string, string>();
  for (const [path, rawItem] of Object.entries((doc.paths ?? {}) as Json)) {
    const item = resolve(doc, rawItem);
    const shared = (item.parameters ?? []) as unknown[];
    for (const httpMethod of HTTP_METHODS) {
      const op = item[httpMethod] as Json | undefined;
      if (!op) continue;
      const operationId = op.operationId as string;
      const tag = ((op.tags ?? []) as string[])[0];
      if (!operationId || !tag) throw new Error(`resources: ${httpMethod.toUpperCase()} ${path} needs an operationId and a tag`);
      if (EXCLUDED_TAGS.includes(tag)) {
        excluded.push({ operationId, tag });
        continue;
      }
      const params = [...shared, ...((op.parameters ?? []) as unknown[])].map((p) => resolve(doc, p));
      const inPath = params.filter((p) => p.in === 'path').map((p) => p.name as string);
      // Positional in the order the path names them.
      const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      if (pathParams.some((p) => !inPath.includes(p)))
        throw new Error(`resources: ${operationId} does not declare every parameter of ${path}`);
      const query = params.filter((p) => p.in === 'query');
      const requestBody = op.requestBody ? resolve(doc, op.requestBody) : undefined;
      const media = Object.keys((requestBody?.content ?? {}) as Json);
      const responses = (op.responses ?? {}) as Json;
      const cursorParam = isPage(responses, doc)
        ? (query.find((p) => p.name === 'cursor' || p.name === 'after')?.name as string | undefined)
        : undefined;
      const group = groupOf(path, tag);
      if (RESERVED_GROUPS.includes(group))
        throw new Error(`resources: ${path} would make a group ${group}, which hides the raw client's ${group}()`);
      const method = typeof op['x-sdk-method'] === 'string' ? op['x-sdk-method'] : deriveMethodName(operationId, group);
      if (!/^[a-z][A-Za-z0-9]*$/.test(method) || method === 'orThrow')
        throw new Error(`resources: ${operationId}'s method name "${method}" is not a plain camelCase identifier`);
      const key = `${group}.${method}`;
      if (seen.has(key)) throw new Error(`resources: ${operationId} and ${seen.get(key)} would both be ${key}; give one an x-sdk-method`);
      seen.set(key, operationId);
      operations.push({
        operationId,
        tag,
        group,
        method,
        httpMethod,
        path,
        summary: typeof op.summary === 'string' ? op.summary : operationId,
        pathParams,
        query: !query.length ? 'none' : query.some((p) => p.required) ? 'required' : 'optional',
        body: !requestBody ? 'none' : requestBody.required ? 'required' : 'optional',
        multipart: media.length > 0 && media.every((m) => m === 'multipart/form-data'),
        parseAs: parseAsOf(responses, doc),
        cursorParam: cursorParam ?? null,
        errorCodes: operationCodes(doc, httpMethod, op, operationId),
      });
    }
  }
  operations.sort((a, b) => a.group.localeCompare(b.group) || a.method.localeCompare(b.method));
  return { operations, excluded, commonErrorCodes: codeList(doc['x-common-error-codes'], 'x-common-error-codes') };
}

const q = (text: string) => JSON.stringify(text);

export const RESOURCES_HEADER = `// GENERATED FILE: do not edit by hand.
// Source: openapi/openapi.yaml (operationIds, tags, x-sdk-method, x-error-codes,
// x-common-error-codes, x-role-error-codes, x-idempotency-error-codes). Regenerate with \`npm run generate\`; \`npm run generate:check\`
// (part of \`npm test\`) fails when this file is stale.
/* eslint-disable */
`;

/** The text of generated/resources.ts for a bundled contract. */
export function renderResources(doc: Json): string {
  const model = resourceModel(doc);
  const groups = new Map<string, ResourceOperation[]>();
  for (const op of model.operations) groups.set(op.group, [...(groups.get(op.group) ?? []), op]);
  const noLists = model.commonErrorCodes === null && model.operations.every((op) => op.errorCodes === null);
  const union = (codes: string[]) => (codes.length ? codes.map(q).join(' | ') : 'never');

  const out: string[] = [
    RESOURCES_HEADER,
    "import type { operations } from './schema.ts';",
    "import type { ListMethod, Method } from '../resources.ts';",
    '',
  ];
  out.push(
    "/** Codes any operation can answer (the contract's `x-common-error-codes`). */",
    `export type CommonErrorCode = ${noLists ? 'string' : union(model.commonErrorCodes ?? [])};`,
    '',
    '/** The codes each operation documents (`x-error-codes`) plus the common ones; `string` while the contract lists none. */',
    'export interface OperationErrorCodes {',
  );
  for (const op of [...model.operations].sort((a, b) => a.operationId.localeCompare(b.operationId))) {
    const own = op.errorCodes?.filter((c) => !(model.commonErrorCodes ?? []).includes(c)) ?? [];
    out.push(`  ${op.operationId}: ${noLists ? 'string' : own.length ? `CommonErrorCode | ${union(own)}` : 'CommonErrorCode'};`);
  }
  out.push('}', '');

  out.push('/** What the runtime needs to call each method (sdk/src/resources.ts reads it). */', 'export const resourceTable = {');
  for (const [group, ops] of groups) {
    out.push(`  ${group}: {`);
    for (const op of ops) {
      const spec = {
        operationId: op.operationId,
        method: op.httpMethod.toUpperCase(),
        path: op.path,
        pathParams: op.pathParams,
        query: op.query,
        body: op.body,
        multipart: op.multipart,
        parseAs: op.parseAs,
        cursorParam: op.cursorParam,
      };
      out.push(`    ${op.method}: ${JSON.stringify(spec)},`);
    }
    out.push('  },');
  }
  out.push('} as const;', '');

  out.push("/** The resource methods `createChorecat()` returns, by group (the API's resources). */", 'export interface Resources {');
  for (const [group, ops] of groups) {
    out.push(`  ${group}: {`);
    for (const op of ops) {
      const params = op.pathParams.map((p) => `${camel(p)}: operations[${q(op.operationId)}]['parameters']['path'][${q(p)}]`).join(', ');
      out.push(`    /** ${op.summary.replace(/\*\//g, '* /')}: \`${op.httpMethod.toUpperCase()} ${op.path}\` (${op.operationId}). */`);
      const kind = op.cursorParam
        ? `ListMethod<operations[${q(op.operationId)}], ${q(op.operationId)}, [${params}], ${q(op.cursorParam)}>`
        : `Method<operations[${q(op.operationId)}], ${q(op.operationId)}, [${params}]>`;
      out.push(`    ${op.method}: ${kind};`);
    }
    out.push('  };');
  }
  out.push('}', '');
  return out.join('\n');
}
