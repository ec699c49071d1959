import { invalid, UNSAFE_KEY_SEGMENT, PanelProblem } from './problems.ts';
import { kindOf, type AttributeLike, type FieldKind } from './resource.ts';

/**
 * What a screen accepts in a request, worked out once from its table
 * description and its options: which columns a list may filter and sort
 * by, what each holds, and what its record ids look like. AdminJS passes
 * list parameters to SQL as given (an unknown sort column, a word for a
 * date, text for a uuid are database errors, that is 500s), so the panel
 * checks them here first.
 */
export interface ScreenSchema {
  id: string;
  idKind: FieldKind;
  /** `searchOnly`: a text search's computed column (filtered by, never sorted by). */
  fields: Map<string, { kind: FieldKind; values?: string[]; filterable: boolean; searchOnly?: boolean }>;
  titleProperty: string;
}

interface DecoratedProperty {
  name(): string;
  availableValues(): { value: string }[] | null;
}

export interface DecoratedResourceLike {
  id(): string;
  getProperties(options: { where: string }): DecoratedProperty[];
  getPropertyByKey(key: string): DecoratedProperty | null;
  titleProperty(): DecoratedProperty;
}

/** `attributes` are the columns the panel may load (secret ones are not among them). */
export function screenSchema(decorated: DecoratedResourceLike, attributes: Record<string, AttributeLike>): ScreenSchema {
  const filterable = new Set(decorated.getProperties({ where: 'filter' }).map((p) => p.name()));
  const fields: ScreenSchema['fields'] = new Map();
  let idKind: FieldKind = 'text';
  for (const [name, attribute] of Object.entries(attributes)) {
    const searchOnly = Boolean(attribute.panelSearch);
    const kind = searchOnly ? 'text' : kindOf(attribute);
    if (attribute.primaryKey) idKind = kind;
    const values = decorated
      .getPropertyByKey(name)
      ?.availableValues()
      ?.map((v) => String(v.value));
    fields.set(name, {
      kind,
      ...(values?.length ? { values } : {}),
      filterable: filterable.has(name) && kind !== 'other',
      ...(searchOnly ? { searchOnly } : {}),
    });
  }
  return { id: decorated.id(), idKind, fields, titleProperty: decorated.titleProperty().name() };
}

// The uuids @adminjs/sequelize compares with `=` (its convert-filter's uuidRegex: RFC 4122, versions 1–5); any other
// text it compares with LIKE, which PostgreSQL refuses on a uuid column (a 500). Our ids are all version 4.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
// Dates as the panel's date pickers send them: ISO 8601 with a four-digit year from 1000 (no "+275760", no "abc",
// no year 0000, which JavaScript parses and PostgreSQL refuses).
const isIsoDate = (value: string) => value.length <= 40 && /^[1-9]\d{3}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value));
const isDecimal = (value: string) => value.length <= 30 && /^-?\d*\.?\d*$/.test(value) && /\d/.test(value);
const MAX_TEXT = 1000;
export const PER_PAGE_LIMIT = 500;

/** Whether a value fits a column of this kind (and its list of values, if it has one). */
export function fits(kind: FieldKind, value: string, values?: string[]): string | undefined {
  if (values && !values.includes(value)) return `must be one of ${values.join(', ')}`;
  switch (kind) {
    case 'uuid':
      return UUID.test(value) ? undefined : 'must be a uuid';
    case 'date':
      return isIsoDate(value) ? undefined : 'must be an ISO 8601 date';
    case 'integer':
      return /^-?\d{1,15}$/.test(value) ? undefined : 'must be a whole number';
    case 'number':
      return isDecimal(value) ? undefined : 'must be a number';
    case 'boolean':
      return value === 'true' || value === 'false' ? undefined : 'must be true or false';
    case 'text':
      // PostgreSQL text cannot hold NUL; other control characters have no business in a search either.
      // eslint-disable-next-line no-control-regex
      return value.length <= MAX_TEXT && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value) ? undefined : 'must be plain text';
    default:
      return 'cannot be searched';
  }
}

export function checkRecordId(schema: ScreenSchema, id: string): void {
  const ok =
    schema.idKind === 'text' ? id.length > 0 && id.length <= 200 && fits('text', id) === undefined : fits(schema.idKind, id) === undefined;
  if (!ok) throw new PanelProblem('NOT_FOUND', `There is no such record on the "${schema.id}" screen.`);
}

/**
 * Checks a list or search query. Keys AdminJS reads (page, perPage,
 * sortBy, direction, searchProperty, filters.*) must be well formed and
 * name columns the screen offers; other plain keys (the UI's own, such as
 * `refresh`) are ignored by AdminJS and so here.
 */
export function checkListQuery(schema: ScreenSchema, query: Record<string, unknown>, search?: { text?: string }): void {
  for (const [key, value] of Object.entries(query)) {
    if (UNSAFE_KEY_SEGMENT.test(key)) throw invalid(key, 'is not accepted');
    const reads = ['page', 'perPage', 'sortBy', 'direction', 'searchProperty'].includes(key) || key === 'filters' || key.includes('.');
    if (!reads) continue;
    if (typeof value !== 'string') throw invalid(key, 'must be given once');
    if (key === 'page' && !/^[1-9]\d{0,5}$/.test(value)) throw invalid(key, 'must be a whole number from 1');
    if (key === 'perPage' && !(/^[1-9]\d{0,2}$/.test(value) && Number(value) <= PER_PAGE_LIMIT)) {
      throw invalid(key, `must be a whole number from 1 to ${PER_PAGE_LIMIT}`);
    }
    if (key === 'direction' && value !== 'asc' && value !== 'desc') throw invalid(key, 'must be asc or desc');
    if (key === 'sortBy') {
      const field = schema.fields.get(value);
      if (!field || field.kind === 'other' || field.searchOnly) throw invalid(key, 'must be a column of this screen');
    }
    if (key === 'searchProperty') {
      const field = schema.fields.get(value);
      if (!field || !(field.filterable || value === schema.titleProperty) || field.kind === 'other') {
        throw invalid(key, 'must be a column this screen can be searched by');
      }
    }
    if (key === 'filters' || (key.includes('.') && !key.startsWith('filters.'))) throw invalid(key, 'is not a list parameter');
    if (key.startsWith('filters.')) checkFilter(schema, key, value);
  }
  if (search?.text !== undefined) {
    const by = typeof query.searchProperty === 'string' ? query.searchProperty : schema.titleProperty;
    const field = schema.fields.get(by);
    const problem = field ? fits(field.kind, search.text, field.values) : 'cannot be searched';
    if (problem) throw invalid('query', problem);
  }
}

/** `filters.<column>`, `filters.<column>~~from` / `~~to` (date ranges), `filters.<column>.<n>` (one of several values). */
function parseFilterKey(key: string): { column: string; range?: string } | undefined {
  const rest = key.slice('filters.'.length);
  const [path, range, ...more] = rest.split('~~');
  const [column, index, ...deeper] = path!.split('.');
  if (more.length || deeper.length || !/^[A-Za-z_]\w*$/.test(column!)) return undefined;
  if (range !== undefined && range !== 'from' && range !== 'to') return undefined;
  if (index !== undefined && (range !== undefined || !/^\d{1,3}$/.test(index))) return undefined;
  return { column: column!, ...(range ? { range } : {}) };
}

function checkFilter(schema: ScreenSchema, key: string, value: string): void {
  const parsed = parseFilterKey(key);
  const field = parsed ? schema.fields.get(parsed.column) : undefined;
  if (!parsed || !field || !field.filterable) throw invalid(key, 'is not a filter of this screen');
  if (field.kind === 'date' && !parsed.range) throw invalid(key, 'must be a range (~~from, ~~to)');
  if (field.kind !== 'date' && parsed.range) throw invalid(key, 'cannot be a range');
  const problem = fits(field.kind, value, field.values);
  if (problem) throw invalid(key, problem);
}
