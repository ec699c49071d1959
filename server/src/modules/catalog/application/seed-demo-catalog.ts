import type { Kernel } from '../../../platform/module.ts';
import { transaction } from '../../../platform/database.ts';
import { insertServiceType } from '../infra/service-types.repository.ts';
import { normaliseKitItems } from '../domain/service-type.ts';

export const DEMO_SERVICE_TYPES = [
  {
    name: 'Litter box deep clean',
    description: 'Empty, scrub and refill every litter box in the home.',
    durationMinutes: 60,
    kitItems: [
      { name: 'Clumping litter (10 kg)', quantity: 1 },
      { name: 'Scoop', quantity: 1 },
      { name: 'Enzyme cleaner', quantity: 1 },
    ],
  },
  {
    name: 'Sofa de-furring',
    description: 'Remove shed fur from sofas, cushions and throws.',
    durationMinutes: 90,
    kitItems: [
      { name: 'Lint roller', quantity: 3 },
      { name: 'Rubber brush', quantity: 1 },
    ],
  },
  {
    name: 'Window perch installation',
    description: 'Fit a sturdy window perch with a view of the birds.',
    durationMinutes: 120,
    kitItems: [
      { name: 'Window perch', quantity: 1 },
      { name: 'Suction cups', quantity: 4 },
    ],
  },
];

/** Creates the demo service types that do not exist yet (idempotent; development only). */
export async function seedDemoCatalog(kernel: Pick<Kernel, 'db' | 'clock'>): Promise<string[]> {
  const created: string[] = [];
  await transaction(kernel.db, async (tx) => {
    for (const type of DEMO_SERVICE_TYPES) {
      const row = await insertServiceType(kernel.db, tx, {
        ...type,
        active: true,
        kitItems: normaliseKitItems(type.kitItems),
        now: kernel.clock.now(),
      });
      if (row) created.push(row.name);
    }
  });
  return created;
}
