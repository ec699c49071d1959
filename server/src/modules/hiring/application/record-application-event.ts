import type { Tx } from '../../../platform/database.ts';
import type { ApplicationRow } from '../infra/hiring.repository.ts';
import type { ApplicationPublicEventType } from '../public-events.ts';
import { viewsOf } from './applications.ts';
import type { Hiring } from './context.ts';

/** Records the application's public event in the transaction that changed it, for staff and its applicant. */
export async function recordApplicationEvent(hiring: Hiring, tx: Tx, type: ApplicationPublicEventType, application: ApplicationRow) {
  const [data] = await viewsOf(hiring, [application], tx);
  await hiring.kernel.events.recordPublic(tx, { type, data: data!, audience: [application.applicant_id] });
}
