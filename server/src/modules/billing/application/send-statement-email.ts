import { formatCents } from '../../../platform/money.ts';
import { findContact } from '../../identity/index.ts';
import { sendEmail } from '../../notifications/index.ts';
import { statementIssued } from '../domain/emails.ts';
import { findStatement } from '../infra/statements.repository.ts';
import type { Billing } from './context.ts';

/** Renders a statement email queued by the month-end run (one per statement). */
export async function sendStatementEmail(billing: Billing, input: { statementId: string }): Promise<void> {
  const { kernel } = billing;
  const s = await findStatement(kernel.db, input.statementId);
  if (!s) return;
  const contact = await findContact(kernel, s.worker_id);
  if (!contact) return;
  await sendEmail(kernel, undefined, {
    template: statementIssued,
    to: contact.email,
    data: {
      name: contact.name,
      periodStart: new Date(s.period_start),
      periodEnd: new Date(s.period_end),
      earned: formatCents(s.earned_cents),
      fines: formatCents(s.fines_cents),
      rewards: formatCents(s.rewards_cents),
      adjustments: formatCents(s.adjustments_cents),
      tips: formatCents(s.tips_cents),
      debtCarried: formatCents(s.debt_carried_cents),
      net: formatCents(s.net_cents),
      status: s.status,
    },
    dedupeKey: `statement:${s.id}:issued:email`,
  });
}
