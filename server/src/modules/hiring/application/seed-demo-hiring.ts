import type { Kernel } from '../../../platform/module.ts';
import { sql, transaction } from '../../../platform/database.ts';
import { activeWorkerIds, findContact } from '../../identity/index.ts';
import { workerCode } from '../domain/worker-code.ts';
import { insertTest, insertWorkerProfile, lockDemoSeed, nextWorkerSequence } from '../infra/hiring.repository.ts';

const DEMO_TEST = {
  title: 'Household basics',
  passMark: 60,
  timeLimitMinutes: 20,
  maxAttempts: 3,
  questions: [
    { text: 'Where does clumping litter go once used?', choices: ['In the sink', 'In the bin, bagged', 'Under the sofa'], correct: 1 },
    { text: 'What do you do before de-furring a sofa?', choices: ['Vacuum loose fur', 'Wet it', 'Nap on it'], correct: 0 },
    { text: 'The client signs the report with…', choices: ['a paw print', '"all done, no claims"', 'nothing'], correct: 1 },
  ],
};

/**
 * Development demo: one open vacancy with a test attached (so applying
 * assigns it), and worker profiles for the demo workers. Idempotent.
 */
export async function seedDemoHiring(kernel: Pick<Kernel, 'db' | 'clock' | 'config'>): Promise<string[]> {
  const created: string[] = [];
  await transaction(kernel.db, async (tx) => {
    // Checked, then inserted: two processes seeding at once would both find nothing (issue #18, fault 3).
    await lockDemoSeed(kernel.db, tx);
    const now = kernel.clock.now();
    const [vacancy] = await sql<{ id: string }>(kernel.db, "SELECT id FROM vacancies WHERE title = 'Household chores worker'", [], tx);
    if (!vacancy) {
      const test = await insertTest(kernel.db, tx, { ...DEMO_TEST, now });
      const [v] = await sql<{ id: string }>(
        kernel.db,
        `INSERT INTO vacancies (title, description, created_at, updated_at)
         VALUES ('Household chores worker', 'Litter boxes, sofas and window perches, around town.', $1, $1) RETURNING id`,
        [now],
        tx,
      );
      await sql(kernel.db, 'INSERT INTO vacancy_tests (vacancy_id, test_id) VALUES ($1, $2) RETURNING id', [v!.id, test.id], tx);
      created.push('vacancy: Household chores worker (test: Household basics)');
    }
    const year = now.getUTCFullYear();
    for (const id of await activeWorkerIds(kernel)) {
      const [profile] = await sql(kernel.db, 'SELECT 1 FROM worker_profiles WHERE user_id = $1', [id], tx);
      const contact = await findContact(kernel, id, tx);
      if (profile || !contact?.email.endsWith('@chorecat.test')) continue;
      const code = workerCode({
        skills: ['Cleaning', 'Windows'],
        breed: 'Domestic shorthair',
        year,
        sequence: await nextWorkerSequence(kernel.db, tx, year),
      });
      await insertWorkerProfile(kernel.db, tx, {
        user_id: id,
        worker_code: code,
        application_id: null,
        name: contact.name,
        breed: 'Domestic shorthair',
        age: 4,
        skills: ['Cleaning', 'Windows'],
        preferred_service_type_ids: [],
        hired_at: now,
      });
      created.push(`worker profile: ${contact.email} (${code})`);
    }
  });
  return created;
}
