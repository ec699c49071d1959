import type { Resource as SequelizeResource } from '@adminjs/sequelize';

/**
 * The panel's view of a Sequelize model (the table description the
 * repository and the panel share), read without importing Sequelize: the
 * panel only needs each attribute's type and which columns are secret.
 */
export interface AttributeLike {
  type: { key?: string; constructor: { key?: string; name: string } };
  primaryKey?: boolean;
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
type ValidationErrorClass = new (propertyErrors: Record<string, unknown>, baseError?: { message: string; type?: string }) => Error;

/**
 * The Sequelize adapter as the panel uses it: secret columns are no
 * properties at all (not listed, filtered, sorted, edited or populated into
 * a reference), and values PostgreSQL refuses come back as form errors.
 */
export function panelResourceAdapter(Base: SequelizeResourceClass, ValidationError: ValidationErrorClass): SequelizeResourceClass {
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
