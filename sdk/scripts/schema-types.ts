import openapiTS, { astToString, NUMBER, oapiRef, tsLiteral, tsUnion, type OpenAPITSOptions } from 'openapi-typescript';
import ts from 'typescript';

const SCHEMA_HEADER = `// GENERATED FILE: do not edit by hand.
// Source: openapi/openapi.yaml. Regenerate with \`npm run generate\`;
// \`npm run generate:check\` (part of \`npm test\`) fails when this file is stale.
/* eslint-disable */
`;

/**
 * Types stricter than the schema's plain JSON types, where the contract
 * says more than openapi-typescript keeps:
 * - Money (`#/components/schemas/Money`, and any string whose pattern ends in
 *   two decimals, such as a bid's stake) is the string type
 *   `${bigint}.${Digit}${Digit}`: a literal "12.50" passes, "12.5" does not,
 *   and a plain `string` must go through `money()` (which checks it) or come
 *   from `formatCents()`.
 * - An integer parameter with a small minimum..maximum range (a page's
 *   `limit`: 1..100) is the union of its values, so `limit: 1000` fails.
 */
const MONEY_REF = '#/components/schemas/Money';
const MONEY_PATTERN = /\\\.\[0-9\]\{2\}\$$/;
const MAX_UNION = 100;
export const sdkTypes: OpenAPITSOptions['transform'] = (schema, { path }) => {
  const s = schema as { type?: unknown; pattern?: unknown; minimum?: unknown; maximum?: unknown };
  if (path === MONEY_REF) {
    // `${bigint}.${Digit}${Digit}`: a refinement of string, not an object-intersection brand, which
    // openapi-fetch's Readable/Writable would map into an object type on the raw client.
    const f = ts.factory;
    const digit = () => tsUnion([...'0123456789'].map((d) => tsLiteral(d)));
    return f.createTemplateLiteralType(f.createTemplateHead(''), [
      f.createTemplateLiteralTypeSpan(f.createKeywordTypeNode(ts.SyntaxKind.BigIntKeyword), f.createTemplateMiddle('.')),
      f.createTemplateLiteralTypeSpan(digit(), f.createTemplateMiddle('')),
      f.createTemplateLiteralTypeSpan(digit(), f.createTemplateTail('')),
    ]);
  }
  if (s.type === 'string' && typeof s.pattern === 'string' && MONEY_PATTERN.test(s.pattern)) return oapiRef(MONEY_REF);
  if (
    s.type === 'integer' &&
    path?.includes('/parameters/') &&
    Number.isInteger(s.minimum) &&
    Number.isInteger(s.maximum) &&
    (s.maximum as number) - (s.minimum as number) < MAX_UNION
  ) {
    const values = Array.from({ length: (s.maximum as number) - (s.minimum as number) + 1 }, (_, i) =>
      tsLiteral((s.minimum as number) + i),
    );
    return values.length ? tsUnion(values) : NUMBER;
  }
  return undefined;
};

/** The text of generated/schema.ts for a bundled contract (YAML or JSON text). */
export async function renderSchema(bundled: string): Promise<string> {
  const ast = await openapiTS(bundled, { alphabetize: true, exportType: false, transform: sdkTypes });
  return `${SCHEMA_HEADER}\n${astToString(ast)}`;
}
