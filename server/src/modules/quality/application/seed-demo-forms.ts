import type { Kernel } from '../../../platform/module.ts';
import { transaction } from '../../../platform/database.ts';
import { STANDARD_REVIEW_FORM } from '../domain/forms.ts';
import { formCount, insertForm, lockFormSeed } from '../infra/forms.repository.ts';

/** The default review form, so a review can be done right after `npm start` (idempotent: only into a database with no form). */
export async function seedDemoReviewForms(kernel: Pick<Kernel, 'db' | 'clock'>): Promise<string[]> {
  return transaction(kernel.db, async (tx) => {
    // One seed at a time (two processes starting at once).
    await lockFormSeed(kernel.db, tx);
    if ((await formCount(kernel.db, tx)) > 0) return [];
    await insertForm(kernel.db, tx, STANDARD_REVIEW_FORM, null, kernel.clock.now());
    return [`review form "${STANDARD_REVIEW_FORM.name}"`];
  });
}
