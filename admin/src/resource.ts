// Types only: importing @adminjs/sequelize imports AdminJS, which fixes its bundle folder (ADMIN_JS_TMP_DIR)
// at that moment; createAdminRouter imports both once it has set the folder.
import type { Resource as SequelizeResource, convertFilter as ConvertFilter } from '@adminjs/sequelize';

/**
 * The panel's view of a Sequelize model (the table description the
 * repository and the panel share), read without importing Sequelize: the
 * panel only needs each attribute's type and which columns are secret.
 */
export interface AttributeLike {
  type: { key?: string; constructor: { key?: string; name: string } };
  primaryKey?: boolean;
  /** How the panel draws a computed value: on one line (money, a percentage) or with its line breaks (an email's text). */
  panelDisplay?: 'oneLine' | 'multiline';
  /**
   * A text search (a computed filter-only column): given the text typed and
   * the where clause of the other filters, the where clause of both (orders
   * by client, address or id).
   */
  panelSearch?: (text: string, where: Record<string | symbol, unknown>) => Promise<Record<string | symbol, unknown>>;
}

export interface ModelLike {
  tableName?: string;
  rawAttributes?: Record<string, AttributeLike>;
  options?: { defaultScope?: { attributes?: { exclude?: string[] } | string[] } };
}

/** What a column holds, as far as a query parameter is concerned. */
export type FieldKind = 'uuid' | 'date' | 'integer' | 'number' | 'boolean' | 'text' | 'other';

export function typeKey(attribute: AttributeLike): string {
  return attribute.type.key ?? attribute.type.constructor.key ?? attribute.type.constructor.name;
}

export function kindOf(attribute: AttributeLike): FieldKind {
  switch (typeKey(attribute)) {
    case 'UUID':
      return 'uuid';
    case 'DATE':
    case 'DATEONLY':
      return 'date';
    case 'INTEGER':
    case 'BIGINT':
    case 'SMALLINT':
    case 'TINYINT':
    case 'MEDIUMINT':
      return 'integer';
    case 'FLOAT':
    case 'DOUBLE':
    case 'REAL':
    case 'DECIMAL':
      return 'number';
    case 'BOOLEAN':
      return 'boolean';
    case 'TEXT':
    case 'STRING':
    case 'CHAR':
    case 'CITEXT':
    case 'ENUM':
      return 'text';
    // ARRAY, JSON, JSONB, VIRTUAL (computed, no column), BLOB …: nothing a query may filter or sort by.
    default:
      return 'other';
  }
}

export const isJsonColumn = (attribute: AttributeLike) => ['JSON', 'JSONB'].includes(typeKey(attribute));

/**
 * Secret columns are marked in the table description itself: the model's
 * default scope excludes them, so no query through the model (the panel's
 * included) ever loads them unless it asks for them by name.
 */
export function secretAttributes(model: ModelLike): Set<string> {
  const attributes = model.options?.defaultScope?.attributes;
  const exclude = Array.isArray(attributes) ? [] : (attributes?.exclude ?? []);
  return new Set(exclude);
}

// Column names that hold secrets in this codebase; a screen over such a column that is not marked secret is refused at start.
const LOOKS_SECRET = /password|secret|token|hmac|session|code_?hash/i;

export function assertSecretsMarked(id: string, model: ModelLike): void {
  const secrets = secretAttributes(model);
  const unmarked = Object.keys(model.rawAttributes ?? {}).filter((name) => LOOKS_SECRET.test(name) && !secrets.has(name));
  if (unmarked.length > 0) {
    throw new Error(
      `admin screen "${id}": ${unmarked.join(', ')} looks secret; mark it secret in its table description (its model's defaultScope then leaves it out) so the panel never loads it`,
    );
  }
}

/** PostgreSQL refusals of a value (not null, check, foreign key, bad input), which a form can cause: a form error, not a 500. */
const REFUSED_VALUES: Record<string, string> = {
  '23502': 'A required field is empty.',
  '23503': 'It refers to a record that does not exist, or others still refer to it.',
  '23505': 'Another record already has this value.',
  '23514': 'A value is outside what this field accepts.',
  '22P02': 'A value is not in the right format.',
  '22007': 'A date is not in the right format.',
  '22008': 'A date is out of range.',
  '22003': 'A number is out of range.',
  '22001': 'A value is too long.',
};

export function refusedValue(error: unknown): { message: string; column?: string } | undefined {
  const original = (error as { original?: { code?: string; column?: string } } | null)?.original;
  const message = original?.code ? REFUSED_VALUES[original.code] : undefined;
  return message ? { message, ...(original?.column ? { column: original.column } : {}) } : undefined;
}

type SequelizeResourceClass = typeof SequelizeResource;
interface FilterLike {
  filters?: Record<string, { path: string; value: unknown }>;
}
interface SearchableModel extends ModelLike {
  rawAttributes: Record<string, AttributeLike>;
  count(options: { where: unknown }): Promise<number>;
  findAll(options: { where: unknown; limit: number; offset: number; order: unknown }): Promise<{ toJSON(): Record<string, unknown> }[]>;
}
type ValidationErrorClass = new (propertyErrors: Record<string, unknown>, baseError?: { message: string; type?: string }) => Error;

/**
 * The Sequelize adapter as the panel uses it: secret columns are no
 * properties at all (not listed, filtered, sorted, edited or populated into
 * a reference), and values PostgreSQL refuses come back as form errors.
 */
export function panelResourceAdapter(
  { Resource: Base, convertFilter }: { Resource: SequelizeResourceClass; convertFilter: typeof ConvertFilter },
  ValidationError: ValidationErrorClass,
): SequelizeResourceClass {
  return class PanelResource extends Base {
    private secrets(): Set<string> {
      return secretAttributes((this as unknown as { SequelizeModel: ModelLike }).SequelizeModel);
    }

    override rawAttributes() {
      const secrets = this.secrets();
      return Object.fromEntries(Object.entries(super.rawAttributes()).filter(([name]) => !secrets.has(name)));
    }

    private withoutSecrets(params: Record<string, unknown>): Record<string, unknown> {
      const secrets = this.secrets();
      return Object.fromEntries(Object.entries(params ?? {}).filter(([path]) => !secrets.has(path.split('.')[0]!)));
    }

    /** AdminJS counts a save as failed only when a property has an error: the refusal is put on its column (or on the form). */
    private refused(error: unknown): unknown {
      const refusal = refusedValue(error);
      if (!refusal) return error;
      const attributes = (this as unknown as { SequelizeModel: ModelLike & { rawAttributes: Record<string, { field?: string }> } })
        .SequelizeModel.rawAttributes;
      const property = Object.entries(attributes).find(([name, a]) => (a.field ?? name) === refusal.column)?.[0] ?? 'form';
      return new ValidationError(
        { [property]: { message: refusal.message, type: 'database' } },
        { message: refusal.message, type: 'database' },
      );
    }

    private model() {
      return (this as unknown as { SequelizeModel: SearchableModel }).SequelizeModel;
    }

    /** The where clause of a filter, a text search's column included; undefined when the filter has none (the adapter's own then). */
    private async searchWhere(filter: FilterLike): Promise<Record<string | symbol, unknown> | undefined> {
      const attributes = this.model().rawAttributes;
      const all = Object.values(filter?.filters ?? {});
      const searches = all.filter((f) => attributes[f.path]?.panelSearch && String(f.value ?? '').trim() !== '');
      if (searches.length === 0) return undefined;
      const rest = all.filter((f) => !attributes[f.path]?.panelSearch);
      let where = convertFilter({ reduce: (callback: never, initial: never) => rest.reduce(callback, initial ?? {}) } as never) as Record<
        string | symbol,
        unknown
      >;
      for (const search of searches) where = await attributes[search.path]!.panelSearch!(String(search.value).trim(), where);
      return where;
    }

    override async count(filter: FilterLike) {
      const where = await this.searchWhere(filter);
      return where ? this.model().count({ where }) : super.count(filter as never);
    }

    override async find(filter: FilterLike, options: { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: string } }) {
      const where = await this.searchWhere(filter);
      if (!where) return super.find(filter as never, options as never);
      const { limit = 20, offset = 0, sort = {} } = options;
      const rows = await this.model().findAll({
        where,
        limit,
        offset,
        order: sort.sortBy ? [[sort.sortBy, (sort.direction ?? 'asc').toUpperCase()]] : [],
      });
      return rows.map((row) => this.build(row.toJSON()));
    }

    override async create(params: Record<string, unknown>) {
      try {
        return await super.create(this.withoutSecrets(params));
      } catch (error) {
        throw this.refused(error);
      }
    }

    override async update(id: string, params: Record<string, unknown>) {
      try {
        return await super.update(id, this.withoutSecrets(params));
      } catch (error) {
        throw this.refused(error);
      }
    }

    override async delete(id: string) {
      try {
        await super.delete(id);
      } catch (error) {
        throw this.refused(error);
      }
    }
  };
}
