import { DataTypes, type Model } from 'sequelize';
import { ACTION_FORM } from '@chorecat/admin';
import { AppError } from '../platform/errors.ts';
import { formatCents } from '../platform/money.ts';
import type { Role } from '../platform/http/auth.ts';

/**
 * AdminJS actions for a resource managers may read but never change from the
 * panel (changes go through use cases, as custom actions).
 */
export const READ_ONLY_ADMIN_ACTIONS = {
  new: { isAccessible: false },
  edit: { isAccessible: false },
  delete: { isAccessible: false },
  bulkDelete: { isAccessible: false },
} as const;

/**
 * What AdminJS hands a custom action handler (the part we use), and the one
 * way our admin actions run: call a use case as the signed-in user, then
 * show the fresh record with a success notice, or the use case's refusal as
 * an error notice. Refusing the caller (403) is no notice but the
 * platform's problem, as from the API. Business rules stay in the use cases.
 */
export interface AdminActionContext {
  currentAdmin?: { id: string; roles?: string[] };
  record?: { id(): string; toJSON(admin?: unknown): unknown };
  resource: { findOne(id: string): Promise<{ toJSON(admin?: unknown): unknown } | null>; id(): string };
  h: {
    resourceUrl(options: { resourceId: string; search?: string }): string;
    recordActionUrl(options: { resourceId: string; recordId: string; actionName: string }): string;
  };
}

export interface AdminActionRequest {
  method: string;
  payload?: Record<string, unknown>;
}

/** The panel user as a principal for use cases. */
export function adminActor(context: AdminActionContext): { id: string; roles: Role[] } {
  return { id: context.currentAdmin!.id, roles: (context.currentAdmin!.roles ?? []) as Role[] };
}

export async function runAdminAction(
  context: AdminActionContext,
  work: () => Promise<{ id: string } | unknown>,
  /** The success notice, or how to word it from what the use case returned (a new worker's code …). */
  done: string | ((result: unknown) => string),
  options: { showAfterwards?: boolean } = {},
) {
  try {
    const result = await work();
    const id = context.record?.id() ?? (result as { id?: string } | undefined)?.id;
    const fresh = id ? await context.resource.findOne(id) : null;
    return {
      record: fresh?.toJSON(context.currentAdmin),
      ...(options.showAfterwards && id
        ? { redirectUrl: context.h.recordActionUrl({ resourceId: context.resource.id(), recordId: id, actionName: 'show' }) }
        : {}),
      notice: { message: typeof done === 'string' ? done : done(result), type: 'success' },
    };
  } catch (error) {
    if (!(error instanceof AppError) || error.status === 403) throw error;
    return {
      record: context.record?.toJSON(context.currentAdmin) ?? { params: {}, errors: {} },
      notice: { message: error.detail, type: 'error' },
    };
  }
}

/**
 * A record action that changes state at one click (disable, cancel, hire …):
 * the panel opens a confirmation form (AdminJS loads it with a GET, which
 * only shows the record) and its button POSTs to `handler`.
 */
export function confirmAction<Handler>(options: {
  icon: string;
  question: string;
  submitLabel: string;
  handler: Handler;
  isAccessible?: unknown;
  isVisible?: unknown;
}) {
  const { question, submitLabel, ...rest } = options;
  return { actionType: 'record', component: ACTION_FORM, custom: { help: question, submitLabel, fields: [] }, ...rest };
}

/**
 * A record action with a few inputs (reward a worker, stake on an order):
 * the panel shows the form on GET; on POST `run` calls the use case with the
 * unflattened form, and on success the panel goes to `then` (a list
 * filtered to what was just made), else shows the refusal on the form.
 */
export function formAction(options: {
  icon: string;
  help: string;
  submitLabel: string;
  fields: { name: string; label: string; placeholder?: string; type?: string }[];
  isVisible?: unknown;
  run: (form: Record<string, unknown>, recordId: string, actor: { id: string; roles: Role[] }) => Promise<unknown>;
  done: string;
  then: (recordId: string) => { resourceId: string; search?: string };
}) {
  const { help, submitLabel, fields, run, done, then, ...rest } = options;
  return {
    actionType: 'record',
    component: ACTION_FORM,
    custom: { help, submitLabel, fields },
    ...rest,
    handler: async (request: AdminActionRequest, _response: unknown, context: AdminActionContext) => {
      const record = context.record!.toJSON(context.currentAdmin);
      if (request.method !== 'post') return { record };
      const recordId = context.record!.id();
      const result = await runAdminAction(context, () => run(unflattenPayload(request.payload), recordId, adminActor(context)), done);
      return result.notice.type === 'success' ? { ...result, redirectUrl: context.h.resourceUrl(then(recordId)) } : result;
    },
  };
}

/**
 * A record action that only navigates: to another screen's list filtered by
 * this record (`?filters.<filter>=<id>`), its id by default or the one
 * `idOf` reads (a review's order). Read-only: it runs on GET.
 */
export function relatedList(
  resourceId: string,
  filter: string,
  icon: string,
  idOf: (context: AdminActionContext) => string = (context) => context.record!.id(),
) {
  return {
    actionType: 'record',
    component: false,
    readOnly: true,
    icon,
    handler: async (_request: unknown, _response: unknown, context: AdminActionContext) => ({
      record: context.record!.toJSON(context.currentAdmin),
      redirectUrl: context.h.resourceUrl({ resourceId, search: `?filters.${filter}=${idOf(context)}` }),
    }),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A record chosen in a panel form, as the id the use case expects. The API
 * checks ids against the contract before a use case runs; a panel form is
 * checked here, or an empty choice would reach SQL as a malformed uuid.
 */
export function chosenId(value: unknown, label: string): string {
  const id = typeof value === 'string' ? value.trim() : '';
  if (!UUID.test(id))
    throw new AppError('VALIDATION.FAILED', `Choose the ${label}.`, { errors: [{ path: `/${label}`, message: 'must be chosen' }] });
  return id;
}

// Keys that would walk into a prototype when unflattened (`__proto__.isAdmin`); the panel refuses them too.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * AdminJS posts forms flattened (`roles.0`, `kitItems.1.quantity`): this
 * rebuilds the nested shape, so use cases see the same shapes as the API's.
 */
export function unflattenPayload(payload: Record<string, unknown> = {}): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(payload)) {
    const keys = path.split('.');
    if (keys.some((key) => UNSAFE_KEYS.has(key))) throw new AppError('VALIDATION.FAILED', `The form field "${path}" is not accepted.`);
    let node: Record<string, unknown> | unknown[] = root;
    keys.forEach((key, i) => {
      const slot = /^\d+$/.test(key) ? Number(key) : key;
      const container = node as Record<string | number, unknown>;
      if (i === keys.length - 1) {
        container[slot] = value;
        return;
      }
      if (container[slot] === undefined) container[slot] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
      node = container[slot] as Record<string, unknown>;
    });
  }
  return root;
}

/** The panel's one way of writing money: two decimals and the unit (`"100.00 cat-units"`). */
export const panelMoney = (cents: string | bigint) => `${formatCents(cents)} cat-units`;

/**
 * A read-only attribute showing a hundredths column as money (`"100.00
 * cat-units"`, on one line; empty when null), so panels never show raw
 * cents or do float arithmetic.
 */
export function moneyAttribute(centsAttribute: string) {
  return {
    type: DataTypes.VIRTUAL,
    panelDisplay: 'oneLine' as const,
    get(this: Model) {
      const cents = this.getDataValue(centsAttribute) as string | null | undefined;
      return cents === null || cents === undefined ? '' : panelMoney(cents);
    },
  };
}

/** A read-only attribute showing a whole-number percentage column as `"5 %"` (empty when null). */
export function percentAttribute(percentAttributeName: string) {
  return {
    type: DataTypes.VIRTUAL,
    panelDisplay: 'oneLine' as const,
    get(this: Model) {
      const value = this.getDataValue(percentAttributeName) as number | string | null | undefined;
      return value === null || value === undefined ? '' : `${value} %`;
    },
  };
}

/** A text column the panel shows with its line breaks (an email's text), as the attribute's own definition. */
export const MULTILINE = { panelDisplay: 'multiline' as const };

/**
 * A read-only attribute showing an array column as its items
 * (`"manager, admin"`): AdminJS lists arrays as "Length: n".
 */
export function listAttribute(arrayAttribute: string) {
  return {
    type: DataTypes.VIRTUAL,
    get(this: Model) {
      return (this.getDataValue(arrayAttribute) as string[] | null | undefined)?.join(', ') ?? '';
    },
  };
}
