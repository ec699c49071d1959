import { DataTypes, type Model, type ModelAttributeColumnOptions, type ModelOptions, type ModelStatic, type Sequelize } from 'sequelize';

/**
 * A table described once for the code. The migration is its history; this
 * is its present shape, from which the repository's row type and column
 * list and the panel's Sequelize model are all derived, so the three cannot
 * drift apart. `table-shapes.int.test.ts` compares every module's tables
 * (and the kernel's, `tables.ts`) with the migrated database.
 *
 * Rows are keyed by column name (snake_case) as PostgreSQL returns them;
 * the panel's model uses the camelCase attribute name.
 */

/** PostgreSQL's `information_schema.columns.udt_name` for each kind (tells `text[]` from `uuid[]`), checked by the shape test. */
const SQL_TYPES = {
  uuid: 'uuid',
  text: 'text',
  integer: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  boolean: 'bool',
  timestamptz: 'timestamptz',
  date: 'date',
  jsonb: 'jsonb',
  textArray: '_text',
  uuidArray: '_uuid',
  bytea: 'bytea',
  inet: 'inet',
  xid8: 'xid8',
} as const;

export type ColumnKind = keyof typeof SQL_TYPES;

export interface Column<T = unknown, Nullable extends boolean = boolean> {
  kind: ColumnKind;
  nullable: Nullable;
  primaryKey: boolean;
  /** Never loaded by the panel's model unless a query names it (hashes, codes, tokens). */
  secret: boolean;
  /** Phantom: the value's type as node-postgres hands it over. */
  readonly type?: T;
}

interface ColumnOptions {
  primaryKey?: boolean;
  secret?: boolean;
}

interface ColumnFactory<Default> {
  <T extends Default = Default>(options?: ColumnOptions): Column<T, false>;
  nullable<T extends Default = Default>(options?: ColumnOptions): Column<T, true>;
}

function column<Default>(kind: ColumnKind): ColumnFactory<Default> {
  const make = (nullable: boolean, options: ColumnOptions = {}) => ({
    kind,
    nullable,
    primaryKey: options.primaryKey ?? false,
    secret: options.secret ?? false,
  });
  return Object.assign((options?: ColumnOptions) => make(false, options), {
    nullable: (options?: ColumnOptions) => make(true, options),
  }) as ColumnFactory<Default>;
}

/**
 * Column kinds with the TypeScript type node-postgres returns for them:
 * BIGINT stays a string (money in hundredths is converted deliberately),
 * timestamps are Dates, DATE is a 'YYYY-MM-DD' string. Narrow a type with
 * a parameter: `col.text<OrderStatus>()`, `col.jsonb<KitItem[]>()`.
 */
export const col = {
  uuid: column<string>('uuid'),
  text: column<string>('text'),
  integer: column<number>('integer'),
  smallint: column<number>('smallint'),
  bigint: column<string>('bigint'),
  boolean: column<boolean>('boolean'),
  timestamptz: column<Date>('timestamptz'),
  date: column<string>('date'),
  jsonb: column<unknown>('jsonb'),
  textArray: column<string[]>('textArray'),
  uuidArray: column<string[]>('uuidArray'),
  bytea: column<Buffer>('bytea'),
  inet: column<string>('inet'),
  /** A full transaction id (`pg_current_xact_id()`), as text. */
  xid8: column<string>('xid8'),
};

type Columns = Record<string, Column>;

type ValueOf<C> = C extends Column<infer T, infer N> ? (N extends true ? T | null : T) : never;

/** The row a `SELECT table.list` returns. */
export type RowOf<T extends { columns: Columns }> = { -readonly [K in keyof T['columns']]: ValueOf<T['columns'][K]> };

export interface PanelModelOptions<C extends Columns> {
  modelName: string;
  /** Attributes the panel shows but the table does not hold (VIRTUAL getters), after the columns. */
  extra?: Record<string, ModelAttributeColumnOptions>;
  scopes?: ModelOptions['scopes'];
  /** Columns this screen neither loads nor shows (not secrets, just not the panel's business). */
  omit?: readonly (keyof C & string)[];
  /**
   * Sequelize fills `created_at` and `updated_at` itself on the panel's own
   * saves (a screen whose new/edit AdminJS saves directly); they are then
   * read-only in its forms.
   */
  timestamps?: boolean;
}

export interface Table<C extends Columns = Columns> {
  name: string;
  columns: C;
  /** `"id", "name", "duration_minutes", …` for SELECT and RETURNING. */
  list: string;
  /** The same list with a table alias: `o."id", o."name", …`. */
  listAs(alias: string): string;
  /** Some of the columns, named and checked against the table: `listOf(['id', 'status'], 'o')`. */
  listOf(names: readonly (keyof C & string)[], alias?: string): string;
  /** The panel's Sequelize model of this table (secret columns out of its default scope). */
  model<M extends ModelStatic<Model>>(sequelize: Sequelize, record: M, options: PanelModelOptions<C>): M;
}

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function dataType(kind: ColumnKind) {
  switch (kind) {
    case 'uuid':
      return DataTypes.UUID;
    case 'text':
    case 'inet':
    case 'xid8':
      return DataTypes.TEXT;
    case 'integer':
    case 'smallint':
      return DataTypes.INTEGER;
    case 'bigint':
      return DataTypes.BIGINT;
    case 'boolean':
      return DataTypes.BOOLEAN;
    case 'timestamptz':
      return DataTypes.DATE;
    case 'date':
      return DataTypes.DATEONLY;
    case 'jsonb':
      return DataTypes.JSONB;
    case 'textArray':
      return DataTypes.ARRAY(DataTypes.TEXT);
    case 'uuidArray':
      return DataTypes.ARRAY(DataTypes.UUID);
    case 'bytea':
      return DataTypes.BLOB;
  }
}

export function defineTable<const C extends Columns>(name: string, columns: C): Table<C> {
  const names = Object.keys(columns);
  // Quoted, so a column named like a keyword (the emails view's "to") needs no care.
  const qualified = (list: readonly string[], alias?: string) => list.map((n) => (alias ? `${alias}."${n}"` : `"${n}"`)).join(', ');
  return {
    name,
    columns,
    list: qualified(names),
    listAs: (alias) => qualified(names, alias),
    listOf: (list, alias) => qualified(list, alias),
    model(sequelize, record, options) {
      const omitted = new Set<string>(options.omit ?? []);
      if (options.timestamps && !(columns.created_at && columns.updated_at)) {
        throw new Error(`${name}: timestamps need created_at and updated_at columns`);
      }
      const keys = Object.values(columns).filter((spec) => spec.primaryKey);
      const attributes: Record<string, ModelAttributeColumnOptions> = {};
      for (const [field, spec] of Object.entries(columns)) {
        if (omitted.has(field)) continue;
        attributes[camel(field)] = {
          type: dataType(spec.kind),
          field,
          primaryKey: spec.primaryKey,
          // No allowNull: the database judges every value a panel save brings (its refusals become form errors,
          // `refusedValue` in @chorecat/admin) and fills what the save leaves out. A lone uuid key is made here, as
          // the database's default would make it.
          ...(spec.primaryKey && keys.length === 1 && spec.kind === 'uuid' ? { defaultValue: DataTypes.UUIDV4 } : {}),
        };
      }
      Object.assign(attributes, options.extra);
      const secrets = Object.entries(columns)
        .filter(([field, spec]) => spec.secret && !omitted.has(field))
        .map(([field]) => camel(field));
      // The panel's models declare no attribute types of their own: AdminJS reads the attributes at run time.
      (record as unknown as ModelStatic<Model>).init(attributes, {
        sequelize,
        tableName: name,
        modelName: options.modelName,
        ...(options.timestamps ? { timestamps: true, createdAt: 'createdAt', updatedAt: 'updatedAt' } : { timestamps: false }),
        // A secret (hash, code, token) is loaded by no query through this model, the panel's included, unless it names it.
        ...(secrets.length ? { defaultScope: { attributes: { exclude: secrets } } } : {}),
        ...(options.scopes ? { scopes: options.scopes } : {}),
      });
      return record;
    },
  };
}

/** What the shape test compares: each column's SQL type and nullability. */
export function expectedShape(table: Table): Record<string, { udtName: string; nullable: boolean }> {
  return Object.fromEntries(
    Object.entries(table.columns).map(([field, spec]) => [field, { udtName: SQL_TYPES[spec.kind], nullable: spec.nullable }]),
  );
}
