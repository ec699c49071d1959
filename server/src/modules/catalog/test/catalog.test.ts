import { describe, it, expect } from 'vitest';
import { normaliseKitItems } from '../domain/service-type.ts';
import { unflattenPayload } from '../../../admin/actions.ts';

describe('kit templates', () => {
  it('merge the same item named twice and tidy names', () => {
    expect(
      normaliseKitItems([
        { name: '  Lint   roller ', quantity: 1 },
        { name: 'lint roller', quantity: 2 },
        { name: 'Brush', quantity: 1 },
      ]),
    ).toEqual([
      { name: 'Lint roller', quantity: 3 },
      { name: 'Brush', quantity: 1 },
    ]);
    expect(normaliseKitItems([])).toEqual([]);
  });
});

describe('admin form payloads', () => {
  it('unflatten into the API shapes', () => {
    expect(
      unflattenPayload({
        name: 'X',
        'kitItems.0.name': 'A',
        'kitItems.0.quantity': '2',
        'kitItems.1.name': 'B',
        'roles.0': 'client',
        'roles.1': 'worker',
      }),
    ).toEqual({
      name: 'X',
      kitItems: [{ name: 'A', quantity: '2' }, { name: 'B' }],
      roles: ['client', 'worker'],
    });
    expect(unflattenPayload(undefined)).toEqual({});
  });
});
