import { assertSecretsMarked, isJsonColumn, kindOf, typeKey, type ModelLike } from './resource.ts';

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

/** Labels for record ids, all of a page's in one call; unknown ids are left out. */
export type DescribeRecords = (ids: string[]) => Promise<Map<string, string>>;
/** Labels for user ids ("Whiskers <client@…>", a worker by code). */
export type DescribePeople = DescribeRecords;

/** The screen id every person column refers to: its references are shown by the person's label. */
export const PEOPLE_SCREEN = 'users';

/** The components and facts prepareScreen draws every screen's values with. */
export interface DisplayParts {
  moment: string;
  status: string;
  text: string;
  lines: string;
  /** The business time zone (TZ_BUSINESS): every date is written in it, with its offset. */
  timeZone: string;
  describePeople?: DescribePeople;
  /**
   * Labels for other screens' records, by screen id (orders by service and
   * start): a screen whose record AdminJS would title by its id.
   */
  describeReferences?: Record<string, DescribeRecords>;
}

interface RecordJSONLike {
  params?: Record<string, unknown>;
  populated?: Record<string, { title?: string } | null | undefined>;
}
type AfterHook = (response: unknown, request: unknown, context: unknown) => unknown;

/**
 * Writes each record a page refers to (a person, an order) by label instead
 * of by id: AdminJS has already loaded the referenced records (one query a
 * column) and links each to its page; this asks for all the page's labels
 * at once and puts them where the reference link takes its title from.
 */
function nameReferences(paths: string[], describe: DescribeRecords): AfterHook {
  return async (response) => {
    const body = response as { records?: RecordJSONLike[]; record?: RecordJSONLike };
    const records = body.records ?? (body.record ? [body.record] : []);
    const ids = new Set<string>();
    for (const record of records)
      for (const path of paths) {
        const id = record.params?.[path];
        if (typeof id === 'string' && id) ids.add(id);
      }
    if (ids.size === 0) return response;
    const labels = await describe([...ids]);
    for (const record of records)
      for (const path of paths) {
        const label = labels.get(String(record.params?.[path]));
        const populated = record.populated?.[path];
        if (label && populated) populated.title = label;
      }
    return response;
  };
}

/** Columns named like a status are drawn as a badge coloured by meaning. */
const STATUS_COLUMN = /^(status|outcome)$|Status$/;

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
  after?: AfterHook | AfterHook[];
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
  parts: { defaultHandlers: Record<string, { handler: unknown }>; jsonView: string; display?: DisplayParts },
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
  const properties = { ...((options.properties as Record<string, Record<string, unknown>> | undefined) ?? {}) };
  const display = parts.display;
  for (const [name, attribute] of Object.entries(model.rawAttributes ?? {})) {
    const own = properties[name] ?? {};
    if (own.type) continue;
    if (display && (own.components as { show?: string } | undefined)?.show === display.lines) {
      properties[name] = { ...own, custom: { ...((own.custom as Record<string, unknown> | undefined) ?? {}), timeZone: display.timeZone } };
      continue;
    }
    if (own.components) continue;
    if (isJsonColumn(attribute)) {
      properties[name] = { ...own, components: { show: parts.jsonView, list: parts.jsonView }, isSortable: false };
      continue;
    }
    if (!display) continue;
    const drawnBy = (component: string, custom: Record<string, unknown> = {}) => ({
      ...own,
      components: { show: component, list: component },
      custom: { ...((own.custom as Record<string, unknown> | undefined) ?? {}), ...custom },
    });
    if (kindOf(attribute) === 'date') properties[name] = drawnBy(display.moment, { timeZone: display.timeZone });
    else if (kindOf(attribute) === 'text' && STATUS_COLUMN.test(name) && !own.reference) properties[name] = drawnBy(display.status);
    // An array (skills, roles) as its items, "claws, purring": AdminJS lists it as "Length: 3".
    else if (attribute.panelDisplay === 'oneLine' || typeKey(attribute) === 'ARRAY') properties[name] = drawnBy(display.text);
    else if (attribute.panelDisplay === 'multiline') properties[name] = drawnBy(display.text, { multiline: true });
  }
  options.properties = properties;
  // Every reference to a described screen, on every screen, named the same way.
  const describers = {
    ...(display?.describeReferences ?? {}),
    ...(display?.describePeople ? { [PEOPLE_SCREEN]: display.describePeople } : {}),
  };
  for (const [screen, describe] of Object.entries(describers)) {
    const paths = Object.entries(properties)
      .filter(([, p]) => p.reference === screen)
      .map(([name]) => name);
    if (paths.length === 0) continue;
    for (const name of ['list', 'show']) {
      const action = actions[name]!;
      actions[name] = { ...action, after: [...asArray(action.after), nameReferences(paths, describe)] };
    }
  }
  options.actions = actions;
  return { resource: entry.resource, options };
}
