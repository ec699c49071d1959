/**
 * The contract as `/openapi.json` serves it, and so as the docs page reads
 * it. Two differences from the committed file, both made here and not in
 * the contract because the contract's form is the one the SDK generator
 * types correctly:
 *
 * - `servers` is this deployment's own address (PUBLIC_URL), so the docs
 *   page's "Test Request" goes to the server that served it, on any port or
 *   host; the committed `servers` names only the local default.
 * - A nullable reference, `oneOf: [{ $ref }, { type: 'null' }]` with no
 *   `type` of its own, is valid OpenAPI 3.1, but Scalar's document validator
 *   (@scalar/workspace-store's strict SchemaObject: every schema but an
 *   internal marker needs a `type`) refuses it and logs "document validation
 *   errors" for Order, TimelineEntry and Review. The served copy names the
 *   type beside the `oneOf` (`[<the referenced type>, 'null']`), which says
 *   nothing new; written in the contract it would make openapi-typescript
 *   intersect the two and drop the `| null` from the SDK's types.
 */
export function servedContract(spec: Record<string, unknown>, publicUrl: string): Record<string, unknown> {
  const served = structuredClone(spec);
  served.servers = [{ url: publicUrl.replace(/\/$/, ''), description: 'This server (PUBLIC_URL)' }];
  const schemas = ((served.components as { schemas?: Record<string, { type?: unknown }> } | undefined)?.schemas ?? {}) as Record<
    string,
    { type?: unknown }
  >;
  const typeOfRef = (ref: string) => schemas[ref.replace('#/components/schemas/', '')]?.type;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const schema = node as { type?: unknown; oneOf?: { $ref?: string; type?: unknown }[] };
    if (schema.type === undefined && Array.isArray(schema.oneOf) && schema.oneOf.length === 2) {
      const ref = schema.oneOf.find((branch) => typeof branch.$ref === 'string');
      const isNull = schema.oneOf.some((branch) => branch.type === 'null');
      const type = ref && typeOfRef(ref.$ref!);
      if (isNull && typeof type === 'string') schema.type = [type, 'null'];
    }
    Object.values(node).forEach(visit);
  };
  visit(served.components);
  visit(served.paths);
  return served;
}
