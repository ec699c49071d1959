import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SPEC_FILE } from '../../../platform/http/openapi.ts';
import { publicEventsOf } from '../../../platform/module.ts';
import { MODULES } from '../../index.ts';

/**
 * The public event catalogue has one source per side: each module declares
 * the types it records (`publicEvents` in its definition), the contract
 * documents them in `webhooks`. The two must name the same types, each
 * webhook's payload the Event envelope of that type over the resource's
 * schema the module declares.
 */
interface WebhookSchema {
  allOf: [{ $ref: string }, { properties: { type: { const: string }; data: { $ref: string } } }];
}
type Webhooks = Record<
  string,
  { post: { operationId: string; requestBody: { content: { 'application/json': { schema: WebhookSchema } } } } }
>;

const spec = parse(readFileSync(SPEC_FILE, 'utf8')) as { webhooks: Webhooks; components: { schemas: Record<string, unknown> } };
const declared = publicEventsOf(MODULES);

describe('the public event catalogue', () => {
  it('documents exactly the declared event types in the contract webhooks', () => {
    expect(Object.keys(spec.webhooks).sort()).toEqual(declared.map((d) => d.type).sort());
    expect(declared.length).toBeGreaterThanOrEqual(8);
  });

  it.each(declared.map((d) => [d.type, d] as const))(
    '%s: an Event envelope of its type over the schema its module declares',
    (type, declaration) => {
      const schema = spec.webhooks[type]!.post.requestBody.content['application/json'].schema;
      expect(schema.allOf[0].$ref).toBe('#/components/schemas/Event');
      expect(schema.allOf[1].properties.type.const).toBe(type);
      expect(schema.allOf[1].properties.data.$ref).toBe(`#/components/schemas/${declaration.schema}`);
      expect(spec.components.schemas[declaration.schema]).toBeDefined();
      expect(declaration.audience).not.toBe('');
    },
  );
});
