import type { Tx } from '../../../platform/database.ts';
import { contactsWithRole } from '../../identity/index.ts';
import { sendEmail, type EmailTemplate } from '../../notifications/index.ts';
import { orderHeadline } from '../../orders/index.ts';
import type { KitFacts } from '../domain/emails.ts';
import type { KitRow } from '../infra/kits.repository.ts';
import type { Supplies } from './context.ts';

/**
 * Emails every supplies staffer about a kit, each once for this step
 * (`kit:<id>:<step>:<staffer>`): the kit's facts, plus what the step adds.
 */
export async function emailSuppliesStaff<Extra extends object>(
  supplies: Supplies,
  tx: Tx,
  kit: KitRow,
  step: string,
  template: EmailTemplate<KitFacts & Extra>,
  extra: Extra,
): Promise<void> {
  const { kernel } = supplies;
  // The order's service names the kit in the email (its id would tell a reader nothing).
  const headline = await orderHeadline(kernel, kit.order_id, tx);
  for (const staff of await contactsWithRole(kernel, 'supplies', tx)) {
    await sendEmail(kernel, tx, {
      template,
      to: staff.email,
      data: {
        name: staff.name,
        service: headline?.service ?? 'A chore',
        startsAt: new Date(kit.order_starts_at),
        items: kit.items.map((i) => `${i.name} × ${i.quantity}`).join(', '),
        ...extra,
      },
      dedupeKey: `kit:${kit.id}:${step}:${staff.id}`,
    });
  }
}
