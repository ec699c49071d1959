import type { Client } from 'openapi-fetch';
import type { components, paths } from './generated/schema.ts';
import { resourceTable, type OperationErrorCodes, type Resources } from './generated/resources.ts';
import { unwrap } from './errors.ts';

/**
 * Resource methods (`chorecat.orders.cancel(id, body)`) over the raw
 * openapi-fetch client. The names and the runtime table come from the
 * contract (generated/resources.ts); the types from generated/schema.ts.
 */

/** Per-call options of every resource method. */
export interface CallOptions {
  /** Sent as `Idempotency-Key`: pass the same key to retry a POST safely (otherwise the SDK makes a fresh one). */
  idempotencyKey?: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type Primitive = string | number | bigint | boolean | symbol | null | undefined;
type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type PropOf<S, K extends PropertyKey> = S extends unknown ? (K extends keyof S ? S[K] : never) : never;
type ElementOf<S> = S extends readonly (infer E)[] ? E : never;

/**
 * `T` with every key `Shape` does not have turned to `never`, at any depth:
 * `B & Exact<Body, B>` refuses a variable carrying a field the body does not
 * know, which TypeScript's own excess-property check (object literals only)
 * lets through.
 */
export type Exact<Shape, T> = T extends Primitive | Blob | FormData | Date
  ? T
  : T extends readonly (infer E)[]
    ? readonly Exact<ElementOf<Shape>, E>[]
    : { [K in keyof T]: K extends KeysOfUnion<Shape> ? Exact<PropOf<Shape, K>, T[K]> : never };

/** The problem+json body of a refusal, its `code` narrowed to what the operation documents. */
export type ApiProblem<Code extends string = string> = Omit<components['schemas']['Problem'], 'code'> & { code: Code };

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206;
type ContentOf<R> = R extends { content: infer C }
  ? C extends { 'application/json': infer J }
    ? J
    : keyof C extends `text/${string}`
      ? string
      : Blob
  : undefined;

/** What an operation answers on success. */
export type DataOf<O> = O extends { responses: infer R } ? ContentOf<R[keyof R & SuccessStatus]> : never;
/** The body an operation takes (a FormData for a multipart upload). */
export type BodyOf<O> = O extends { requestBody?: infer R }
  ? R extends { content: infer C }
    ? C extends { 'application/json': infer J }
      ? J
      : C extends { 'multipart/form-data': unknown }
        ? FormData
        : never
    : never
  : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/** A list's query: the cursor may be the previous page's `nextCursor` as is, null included. */
type ListQueryOf<O, C extends string> = Omit<QueryOf<O>, C> & { [K in C]?: string | null };

type BodyArg<O, B> = [BodyOf<O>] extends [never] ? [] : O extends { requestBody: unknown } ? [body: B] : [body?: B];
type QueryArg<Q> = [Q] extends [never] ? [] : Partial<Q> extends Q ? [query?: Q] : [query: Q];
type ExactBody<O, B> = B & Exact<BodyOf<O>, B>;

/** `{ data, error, response }`: `data` on success, else `error`, the problem with its typed `code`. */
export type Result<O, Id extends keyof OperationErrorCodes> =
  | { data: DataOf<O>; error?: undefined; response: Response }
  | { data?: undefined; error: ApiProblem<OperationErrorCodes[Id]>; response: Response };

type Args<O, P extends unknown[], B> = [...P, ...BodyArg<O, ExactBody<O, B>>, ...QueryArg<QueryOf<O>>, options?: CallOptions];

/** A resource method: `{ data, error, response }`, or `.orThrow(...)` for the data (a ChorecatError otherwise). */
export interface Method<O, Id extends keyof OperationErrorCodes, P extends unknown[]> {
  <B extends BodyOf<O> = BodyOf<O>>(...args: Args<O, P, B>): Promise<Result<O, Id>>;
  orThrow<B extends BodyOf<O> = BodyOf<O>>(...args: Args<O, P, B>): Promise<DataOf<O>>;
}

/** One item of a list's pages. */
export type ItemOf<O> = DataOf<O> extends { data: readonly (infer I)[] } ? I : never;

/**
 * What a list method returns: await it for the first page
 * (`{ data, error, response }`), or iterate it (`for await`) for every item
 * of every page; `toArray({ limit })` collects at most `limit` items.
 */
export interface ListCall<O, Id extends keyof OperationErrorCodes> extends PromiseLike<Result<O, Id>>, AsyncIterable<ItemOf<O>> {
  toArray(options?: { limit?: number }): Promise<ItemOf<O>[]>;
}

type ListArgs<O, P extends unknown[], C extends string> = [...P, ...QueryArg<ListQueryOf<O, C>>, options?: CallOptions];

export interface ListMethod<O, Id extends keyof OperationErrorCodes, P extends unknown[], C extends string> {
  (...args: ListArgs<O, P, C>): ListCall<O, Id>;
  /** The first page's data, or a ChorecatError. */
  orThrow(...args: ListArgs<O, P, C>): Promise<DataOf<O>>;
}

export type { Resources, OperationErrorCodes };
export type { CommonErrorCode } from './generated/resources.ts';

interface Spec {
  operationId: string;
  method: string;
  path: string;
  pathParams: readonly string[];
  query: 'none' | 'optional' | 'required';
  body: 'none' | 'optional' | 'required';
  multipart: boolean;
  parseAs: 'json' | 'text' | 'blob';
  cursorParam: string | null;
}

type RawResult = { data?: unknown; error?: unknown; response: Response };
type Call = (query: Record<string, unknown> | undefined) => Promise<RawResult>;

function prepare(client: Client<paths>, spec: Spec, args: unknown[]): { call: Call; query: Record<string, unknown> | undefined } {
  let at = spec.pathParams.length;
  const path = Object.fromEntries(spec.pathParams.map((name, i) => [name, args[i]]));
  const body = spec.body === 'none' ? undefined : args[at++];
  const query = spec.query === 'none' ? undefined : (args[at++] as Record<string, unknown> | undefined);
  const options = (args[at] ?? {}) as CallOptions;
  const headers: Record<string, string> = { ...options.headers };
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const call: Call = (q) => {
    // A null (a last page's nextCursor) means "not given", as undefined does.
    const cleaned = q && Object.fromEntries(Object.entries(q).filter(([, v]) => v !== null && v !== undefined));
    const init: Record<string, unknown> = { params: { path, query: cleaned }, headers, signal: options.signal, parseAs: spec.parseAs };
    if (body !== undefined) init.body = body;
    if (spec.multipart) init.bodySerializer = (form: unknown) => form;
    const request = client.request as unknown as (method: string, url: string, init: unknown) => Promise<RawResult>;
    return request(spec.method, spec.path, init);
  };
  return { call, query };
}

interface Page {
  data: unknown[];
  nextCursor?: string | null;
}

function listCall(call: Call, query: Record<string, unknown> | undefined, cursorParam: string) {
  let first: Promise<RawResult> | undefined;
  const firstPage = () => (first ??= call(query));
  async function* items(): AsyncGenerator<unknown> {
    let result = await firstPage();
    let sent = query?.[cursorParam] ?? null;
    for (;;) {
      const page = unwrap(result) as Page;
      yield* page.data;
      const next = page.nextCursor ?? null;
      // null ends the list; so does an empty page or a cursor that did not move (the event feed hands back its `after`).
      if (next === null || page.data.length === 0 || next === sent) return;
      sent = next;
      result = await call({ ...query, [cursorParam]: next });
    }
  }
  return {
    then<A = RawResult, E = never>(
      onFulfilled?: ((value: RawResult) => A | PromiseLike<A>) | null,
      onRejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
    ) {
      return firstPage().then(onFulfilled, onRejected);
    },
    [Symbol.asyncIterator]: items,
    async toArray({ limit }: { limit?: number } = {}) {
      const out: unknown[] = [];
      if (limit !== undefined && limit <= 0) return out;
      for await (const item of items()) {
        out.push(item);
        if (limit !== undefined && out.length >= limit) break;
      }
      return out;
    },
  };
}

function method(client: Client<paths>, spec: Spec) {
  const fn = (...args: unknown[]) => {
    const { call, query } = prepare(client, spec, args);
    return spec.cursorParam ? listCall(call, query, spec.cursorParam) : call(query);
  };
  fn.orThrow = async (...args: unknown[]) => {
    const { call, query } = prepare(client, spec, args);
    return unwrap(await call(query));
  };
  return fn;
}

/** Adds the resource groups (`orders`, `supplies`, `billing` …) to a raw client, which keeps `GET`/`POST`/`use` …. */
export function attachResources<C extends Client<paths>>(client: C): C & Resources {
  const groups = Object.fromEntries(
    Object.entries(resourceTable).map(([group, methods]) => [
      group,
      Object.fromEntries(Object.entries(methods).map(([name, spec]) => [name, method(client, spec as Spec)])),
    ]),
  );
  return Object.assign(client, groups) as unknown as C & Resources;
}
