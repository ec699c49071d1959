import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SPEC_FILE } from '../../../platform/http/openapi.ts';
import { servedContract } from '../domain/served-contract.ts';

describe('the contract as /openapi.json serves it', () => {
  const contract = parse(readFileSync(SPEC_FILE, 'utf8')) as Record<string, unknown>;
  const served = servedContract(contract, 'https://api.example.test/') as {
    servers: unknown;
    components: { schemas: Record<string, { properties: Record<string, unknown> }> };
  };

  it('names this deployment as its only server, and leaves the contract it was given alone', () => {
    expect(served.servers).toEqual([{ url: 'https://api.example.test', description: 'This server (PUBLIC_URL)' }]);
    expect((contract.servers as { url: string }[])[0]!.url).toBe('http://localhost:3000');
  });

  it("gives a nullable reference the type Scalar's validator needs, and changes nothing else", () => {
    expect(served.components.schemas.Order!.properties.price).toEqual({
      description: 'Fixed when a worker is matched; null before.',
      type: ['string', 'null'],
      oneOf: [{ $ref: '#/components/schemas/Money' }, { type: 'null' }],
    });
    expect(served.components.schemas.Review!.properties.form).toMatchObject({ type: ['object', 'null'] });
    expect(served.components.schemas.TimelineEntry!.properties.from).toMatchObject({ type: ['string', 'null'] });
    // Only `type` added, and only beside such a oneOf: strip it and the schemas are the contract's.
    const stripped = JSON.parse(JSON.stringify(served.components), (_key, value: unknown) => {
      if (value && typeof value === 'object' && 'oneOf' in value && 'type' in value && Array.isArray(value.type)) {
        const { type: _type, ...rest } = value as Record<string, unknown>;
        return rest;
      }
      return value;
    });
    expect(stripped).toEqual(contract.components);
  });
});
