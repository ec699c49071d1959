import { sql } from '../../src/platform/database.ts';
import type { OrderDriver } from './order-driver.ts';
import type { TestPlatform } from './platform.ts';

/**
 * Gives the driver's people names and addresses a page can be read by
 * (test users are all "Test <role>"), and the workers hiring profiles with
 * worker codes, as hiring would have made them. Test set-up only.
 */
export async function nameOrderPeople(t: TestPlatform, d: OrderDriver): Promise<void> {
  const people: [string, string, string][] = [
    [d.manager.id, 'Max Manager', 'max@chorecat.test'],
    [d.supplies.id, 'Sam Supplies', 'sam@chorecat.test'],
    [d.clients[0]!.id, 'Mia Whiskers', 'mia@chorecat.test'],
    [d.clients[1]!.id, 'Olga Other', 'other-client@chorecat.test'],
    [d.workers[0]!.id, 'Tom Paws', 'tom@chorecat.test'],
    [d.workers[1]!.id, 'Felix Fluff', 'felix@chorecat.test'],
  ];
  for (const [id, name, email] of people) await sql(t.db, 'UPDATE users SET name = $2, email = $3 WHERE id = $1', [id, name, email]);
  for (const [i, w] of d.workers.entries()) {
    await sql(
      t.db,
      `INSERT INTO worker_profiles (user_id, worker_code, name, breed, age, skills, hired_at)
       VALUES ($1, $2, $3, 'Siamese', 3, '{claws}', '2031-06-01T09:00:00Z')`,
      [w.id, `CLW-SIA-2031-000${i + 1}`, people[4 + i]![1]],
    );
  }
}
