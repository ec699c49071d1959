import type { NextFunction, Request, Response } from 'express';
// Types only, erased at run time: the very types the SDK is generated with (`npm run generate`), so server and SDK read one contract.
import type { components as SdkComponents, operations as SdkOperations } from '../../../../sdk/src/generated/schema.ts';
import type { OperationHandlers } from './openapi.ts';

/**
 * The SDK types Money as `${bigint}.${digit}${digit}` so a caller cannot send
 * "12.5"; the server formats amounts itself (as plain strings, checked
 * against the contract's pattern by the response tests), so here Money is a string.
 */
type Plain<T> = T extends SdkComponents['schemas']['Money']
  ? string
  : T extends readonly (infer E)[]
    ? Plain<E>[]
    : T extends object
      ? { [K in keyof T]: Plain<T[K]> }
      : T;
type components = Plain<SdkComponents>;
type operations = Plain<SdkOperations>;

/**
 * Handlers typed from the contract (openapi/openapi.yaml, through the SDK's
 * generated types). A module writes its handlers as one `contractHandlers({
 * … })` map keyed by operationId; each handler's `req.body`, `req.params`
 * and `req.query` are that operation's, and `res.json(x)` or
 * `res.status(201).json(x)` accepts only the success response the contract
 * declares for that status. An operationId the contract lacks is a type
 * error. This is compile-time typing only: at run time the request has
 * already been checked by express-openapi-validator, and responses are
 * checked in tests.
 */

/** Every operationId in the contract. */
export type OperationId = keyof operations;

/** The contract's schemas (`components.schemas`), for use cases whose views are the contract's types. */
export type Schemas = components['schemas'];

type Nothing = Record<string, never>;

/** A parameter group (`path`, `query`), or an object with no keys when the operation has none. */
type ParameterGroup<K extends OperationId, Group extends 'path' | 'query'> = operations[K]['parameters'] extends {
  [G in Group]?: infer V;
}
  ? [NonNullable<V>] extends [never]
    ? Nothing
    : NonNullable<V>
  : Nothing;

type ContentOf<T> = T extends { content: infer C } ? C : never;
type RequestContent<C> = C extends { 'application/json': infer B } ? B : C extends { 'multipart/form-data': infer M } ? M : never;
type JsonContent<C> = C extends { 'application/json': infer B } ? B : never;

export type PathParams<K extends OperationId> = ParameterGroup<K, 'path'>;
export type QueryParams<K extends OperationId> = ParameterGroup<K, 'query'>;

/** The request body; `| undefined` when the contract makes it optional, `undefined` when there is none. */
export type RequestBody<K extends OperationId> = operations[K] extends { requestBody: infer B }
  ? RequestContent<ContentOf<B>>
  : operations[K] extends { requestBody?: infer B }
    ? RequestContent<ContentOf<NonNullable<B>>> | undefined
    : undefined;

type Responses<K extends OperationId> = operations[K]['responses'];
type SuccessCode = 200 | 201 | 202 | 204 | 301 | 302 | 303 | 307 | 308;

/** The success (2xx/3xx) statuses the contract declares for the operation; errors are AppErrors, thrown, never sent by hand. */
export type SuccessStatus<K extends OperationId> = Extract<keyof Responses<K>, SuccessCode>;

/** The JSON body the contract declares for that status (never when it declares none: then `json` cannot be called). */
export type ResponseBody<K extends OperationId, S> = S extends keyof Responses<K> ? JsonContent<ContentOf<Responses<K>[S]>> : never;

export type ContractRequest<K extends OperationId> = Request<PathParams<K>, unknown, RequestBody<K>, QueryParams<K>>;

/**
 * Express's response, with `status` narrowed to the operation's success
 * statuses and `json` to the body of the status set (200 until set).
 * `send` takes only text or bytes, so no JSON leaves unchecked through it.
 */
export type ContractResponse<K extends OperationId, S = 200> = Omit<Response, 'status' | 'json' | 'send' | 'sendStatus'> & {
  status<T extends SuccessStatus<K>>(code: T): ContractResponse<K, T>;
  json(body: ResponseBody<K, S>): ContractResponse<K, S>;
  send(body: string | Buffer): ContractResponse<K, S>;
};

export type ContractHandler<K extends OperationId> = (req: ContractRequest<K>, res: ContractResponse<K>, next: NextFunction) => unknown;

/** A module's handlers: any subset of the contract's operations (the app checks at start that, all modules together, each is served once). */
export type ContractHandlers = { [K in OperationId]?: ContractHandler<K> };

/**
 * The typed map, handed to the platform's untyped dispatch. The cast is the
 * one place typed and untyped meet: the validator has checked the request
 * against the same contract before any handler runs.
 */
export function contractHandlers(handlers: ContractHandlers): OperationHandlers {
  return handlers as unknown as OperationHandlers;
}
