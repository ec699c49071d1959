import { DataTypes, type Model } from 'sequelize';
import { AppError } from './errors.ts';
import { Money } from './money.ts';
import type { Role } from './http/auth.ts';

/**
 * What AdminJS hands a custom action handler (the part we use), and the one
 * way our admin actions run: call a use case as the signed-in user, then
 * show the fresh record with a success notice, or the use case's refusal as
 * an error notice. Business rules stay in the use cases.
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
  done: string,
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
      notice: { message: done, type: 'success' },
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      record: context.record?.toJSON(context.currentAdmin) ?? { params: {}, errors: {} },
      notice: { message: error.detail, type: 'error' },
    };
  }
}

/**
 * AdminJS posts forms flattened (`roles.0`, `kitItems.1.quantity`): this
 * rebuilds the nested shape, so use cases see the same shapes as the API's.
 */
export function unflattenPayload(payload: Record<string, unknown> = {}): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(payload)) {
    const keys = path.split('.');
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

/**
 * A read-only attribute showing a hundredths column as money (`"100.00"`,
 * empty when null), so panels never show raw cents or do float arithmetic.
 */
export function moneyAttribute(centsAttribute: string) {
  return {
    type: DataTypes.VIRTUAL,
    get(this: Model) {
      const cents = this.getDataValue(centsAttribute) as string | null | undefined;
      return cents === null || cents === undefined ? '' : Money.fromCents(BigInt(cents)).toString();
    },
  };
}
