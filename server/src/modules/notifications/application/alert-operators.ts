import { createHash } from 'node:crypto';
import type { Kernel } from '../../../platform/module.ts';
import { sendEmail } from './send-email.ts';
import { operatorAlert } from '../domain/templates.ts';

const WINDOW_MS = 10 * 60_000;

/**
 * Emails every operator about an unexpected error. Alerts with the same
 * fingerprint within a ten-minute window share a dedupe key, so a storm of
 * one bug sends one email per window, not thousands.
 */
export async function alertOperators(
  kernel: Pick<Kernel, 'db' | 'clock' | 'config' | 'logger'>,
  input: { summary: string; detail: string; requestId?: string; fingerprint: string },
): Promise<void> {
  const at = kernel.clock.now();
  const window = Math.floor(at.getTime() / WINDOW_MS);
  const fingerprint = createHash('sha256').update(input.fingerprint).digest('hex').slice(0, 16);
  try {
    for (const to of kernel.config.mail.operators) {
      await sendEmail(kernel, undefined, {
        template: operatorAlert,
        to,
        data: { summary: input.summary, detail: input.detail, requestId: input.requestId, at },
        dedupeKey: `alert:${fingerprint}:${window}:${to}`,
      });
    }
  } catch (error) {
    // An alert must never turn one failure into two.
    kernel.logger.error({ err: error }, 'could not enqueue the operator alert');
  }
}
