import fc from 'fast-check';

/**
 * fast-check arbitraries from the contract's JSON Schemas: values the
 * schema allows (so requests get past validation and into the use cases),
 * and hostile values to put in their place. Covers what openapi.yaml uses:
 * $ref, allOf/oneOf/anyOf, enum/const, type lists, string formats and
 * patterns, numbers, arrays and objects.
 */
export type Schema = Record<string, unknown>;

/** Ids of rows that exist (set by the test before it builds arbitraries): a uuid field names one of them half the time, so requests get past "not found" into the use cases. */
export const knownIds: string[] = [];
type Spec = { components?: { schemas?: Record<string, Schema> } };

export function resolve(spec: Spec, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
    const name = (current.$ref as string).replace('#/components/schemas/', '');
    current = spec.components?.schemas?.[name] ?? {};
  }
  return current;
}

const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

function stringOf(schema: Schema): fc.Arbitrary<string> {
  const maxLength = Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : 40, 40);
  const minLength = typeof schema.minLength === 'number' ? Math.min(schema.minLength, maxLength) : 0;
  switch (schema.format) {
    case 'uuid':
      return knownIds.length ? fc.oneof(fc.constantFrom(...knownIds), fc.uuid()) : fc.uuid();
    case 'date-time':
      return isoDate;
    case 'date':
      return isoDate.map((d) => d.slice(0, 10));
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= 254);
    case 'uri':
      return fc.webUrl();
  }
  if (typeof schema.pattern === 'string') {
    const examples = (Array.isArray(schema.examples) ? schema.examples : 'example' in schema ? [schema.example] : []) as string[];
    const fits = (s: string) => s.length >= minLength && s.length <= ((schema.maxLength as number | undefined) ?? Infinity);
    try {
      const matching = fc.stringMatching(new RegExp(schema.pattern, 'u')).filter(fits);
      return examples.length ? fc.oneof(fc.constantFrom(...examples), matching) : matching;
    } catch {
      // fast-check cannot generate from every regular expression (lookahead): the contract's examples stand in.
      return examples.length ? fc.constantFrom(...examples) : fc.string({ minLength, maxLength });
    }
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}

/** A value the schema allows (best effort: `not`, `if` and cross-field rules are left to the server to refuse). */
export function valid(spec: Spec, input: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(spec, input);
  if (depth > 6) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if (Array.isArray(schema.allOf)) {
    const parts = (schema.allOf as Schema[]).map((part) => valid(spec, part, depth + 1));
    const own = schema.properties ? valid(spec, { ...schema, allOf: undefined }, depth + 1) : fc.constant({});
    return fc.tuple(own, ...parts).map((values) => Object.assign({}, ...values.filter((v) => v && typeof v === 'object')));
  }
  const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (Array.isArray(alternatives)) {
    if (schema.properties) {
      // Properties beside oneOf: each branch only adds its `required`.
      return fc.oneof(
        ...alternatives.map((branch) =>
          valid(
            spec,
            {
              ...schema,
              oneOf: undefined,
              anyOf: undefined,
              required: [...((schema.required as string[]) ?? []), ...((resolve(spec, branch).required as string[]) ?? [])],
            },
            depth + 1,
          ),
        ),
      );
    }
    return fc.oneof(...alternatives.map((branch) => valid(spec, branch, depth + 1)));
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => valid(spec, { ...schema, type }, depth + 1)));
  switch (types[0] ?? (schema.properties ? 'object' : undefined)) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({ min: (schema.minimum as number | undefined) ?? -1000, max: (schema.maximum as number | undefined) ?? 1000 });
    case 'number':
      return fc.double({
        min: (schema.minimum as number | undefined) ?? -1e6,
        max: (schema.maximum as number | undefined) ?? 1e6,
        noNaN: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const maxLength = Math.min((schema.maxItems as number | undefined) ?? 4, 4);
      const minLength = Math.min((schema.minItems as number | undefined) ?? 0, maxLength);
      return fc.array(schema.items ? valid(spec, schema.items as Schema, depth + 1) : fc.string(), { minLength, maxLength });
    }
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) record[name] = valid(spec, property, depth + 1);
      return fc.record(record, { requiredKeys: [...required].filter((name) => name in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Values that have no business in any field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    'a'.repeat(100_000),
    'nul\u0000byte',
    'lone \ud800 surrogate',
    '\udfff',
    '-1.00',
    '0.00',
    '0.001',
    '1e5',
    '1.5',
    '99999999999999999999999999.99',
    'NaN',
    'Infinity',
    '+275760-09-13T00:00:00.000Z',
    '2026-02-30T25:61:00Z',
    '../../etc/passwd',
    "'; DROP TABLE users; --",
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    '00000000-0000-0000-0000-000000000000',
    'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
    [],
    {},
    Array.from({ length: 5_000 }, (_, i) => i),
  ),
  fc.constant(JSON.parse('{"__proto__": {"isAdmin": true, "roles": ["admin"]}}') as unknown),
  fc.constant({ constructor: { prototype: { isAdmin: true } } }),
  fc.constant(nested(2_000)),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 30 }),
  fc.string({ maxLength: 10, unit: 'binary' }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Text that a path segment or query value could carry instead of a proper one. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '%00',
    '%ZZ',
    '%2e%2e',
    '%ud800',
    'a'.repeat(5_000),
    '-1',
    '0',
    '1e999',
    'abc',
    'null',
    'undefined',
    '__proto__',
    'constructor',
    '%27%3B--',
    Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', 'not-a-uuid'])).toString('base64url'),
    Buffer.from(JSON.stringify(['1', '00000000-0000-4000-8000-000000000000'])).toString('base64url'),
    Buffer.from(JSON.stringify(['+275760-09-13T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])).toString('base64url'),
  ),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
  fc.uuid().map((id) => id.toUpperCase()),
);
