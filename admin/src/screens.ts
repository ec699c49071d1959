import { assertSecretsMarked, isJsonColumn, type ModelLike } from './resource.ts';

/** Who may sign in to the panel at all; each screen then says which of them may use it. */
export const ADMIN_ROLES = ['manager', 'admin', 'supplies'];
export const DEFAULT_SCREEN_ROLES = ['manager', 'admin'];
export const STANDARD_ACTIONS = ['list', 'search', 'show', 'new', 'edit', 'delete', 'bulkDelete'];
const READ_ACTIONS = ['list', 'search', 'show'];

export interface ScreenEntry {
  resource: unknown;
  options?: Record<string, unknown>;
  roles?: string[];
}

interface ActionContext {
  currentAdmin?: { roles?: string[] };
  record?: { toJSON(admin?: unknown): unknown };
  records?: { toJSON(admin?: unknown): unknown }[];
}
type Handler = (request: { method: string; payload?: Record<string, unknown> }, response: unknown, context: ActionContext) => unknown;

export interface ActionOptions {
  actionType?: string;
  component?: unknown;
  isAccessible?: boolean | ((context: ActionContext) => boolean);
  handler?: Handler | Handler[];
  /** A custom action that only shows or navigates (a related list, a form's first load): it may run on GET. */
  readOnly?: boolean;
}

/**
 * Whether an action changes state. Every action does, unless it is one of
 * AdminJS's reads or says `readOnly: true`: a new action is guarded (POST
 * only, same origin) until its author says otherwise.
 */
export function changesState(name: string, action: ActionOptions | undefined): boolean {
  return !READ_ACTIONS.includes(name) && action?.readOnly !== true;
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * A GET of a state-changing action only prepares: it shows the record (or
 * records) the action would change, for the action's form to load, and
 * never calls the handler that changes them. Only a POST does.
 */
function onlyPostChanges(handler: Handler | Handler[]): Handler {
  const handlers = asArray(handler);
  return async (request, response, context) => {
    if (request.method !== 'post') {
      if (context.records) return { records: context.records.map((r) => r.toJSON(context.currentAdmin)) };
      if (context.record) return { record: context.record.toJSON(context.currentAdmin) };
      return {};
    }
    let result: unknown = {};
    for (const h of handlers) result = await h(request, response, context);
    return result;
  };
}

/**
 * Prepares one module screen for the panel, the same way for every screen:
 * every action (standard and custom) is gated by the screen's roles on top
 * of its own rule; a state-changing action changes state only on POST;
 * JSON columns are drawn by the JSON view
 * unless the screen says how. A state-changing action without a component
 * is refused at start: AdminJS's UI calls such an action by GET.
 */
export function prepareScreen(
  entry: ScreenEntry,
  parts: { defaultHandlers: Record<string, { handler: unknown }>; jsonView: string },
): { resource: unknown; options: Record<string, unknown> } {
  const roles = entry.roles ?? DEFAULT_SCREEN_ROLES;
  const model = entry.resource as ModelLike;
  const options = { ...(entry.options ?? {}) };
  const id = (options.id as string | undefined) ?? model.tableName ?? 'unknown';
  assertSecretsMarked(id, model);
  const actions = { ...((options.actions as Record<string, ActionOptions> | undefined) ?? {}) };
  for (const name of new Set([...STANDARD_ACTIONS, ...Object.keys(actions)])) {
    const own = actions[name] ?? {};
    const rule = own.isAccessible;
    const mutating = changesState(name, own);
    if (mutating && own.component === false && name !== 'delete') {
      throw new Error(`admin screen "${id}": action "${name}" changes state but has no component, so the panel would call it by GET`);
    }
    const handler = own.handler ?? (parts.defaultHandlers[name]?.handler as Handler | undefined);
    actions[name] = {
      ...own,
      isAccessible: (context) => {
        const allowed = (context.currentAdmin?.roles ?? []).some((r) => roles.includes(r));
        if (!allowed || rule === false) return false;
        return typeof rule === 'function' ? rule(context) : true;
      },
      ...(mutating && handler ? { handler: onlyPostChanges(handler) } : {}),
    };
  }
  options.actions = actions;
  const properties = { ...((options.properties as Record<string, Record<string, unknown>> | undefined) ?? {}) };
  for (const [name, attribute] of Object.entries(model.rawAttributes ?? {})) {
    const own = properties[name] ?? {};
    if (!isJsonColumn(attribute) || own.type || own.components) continue;
    properties[name] = { ...own, components: { show: parts.jsonView, list: parts.jsonView }, isSortable: false };
  }
  options.properties = properties;
  return { resource: entry.resource, options };
}
