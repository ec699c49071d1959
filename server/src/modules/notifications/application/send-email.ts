import type { Tx } from '../../../platform/database.ts';
import type { Kernel } from '../../../platform/module.ts';
import { enqueueEmail } from '../../../platform/mail.ts';
import type { EmailTemplate } from '../../../platform/email-template.ts';

/**
 * Renders a template and writes it to the outbox in the caller's
 * transaction. `dedupeKey` names the business fact the email reports
 * (e.g. `order:<id>:scheduled:client`), so a retried use case or job never
 * sends it twice.
 */
export async function sendEmail<Data>(
  kernel: Pick<Kernel, 'db' | 'clock' | 'config'>,
  tx: Tx | undefined,
  input: { template: EmailTemplate<Data>; to: string; data: Data; dedupeKey: string },
): Promise<{ id: string; created: boolean }> {
  // Every email links back to this deployment and writes dates in the business time zone.
  const rendered = input.template.render(input.data, { publicUrl: kernel.config.publicUrl, timeZone: kernel.config.businessTimeZone });
  return enqueueEmail(kernel.db, tx, kernel.clock, {
    ...rendered,
    to: input.to,
    template: input.template.name,
    dedupeKey: input.dedupeKey,
  });
}
