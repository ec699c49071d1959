import { createHash } from 'node:crypto';
import type { PaymentProvider } from './provider.ts';

/**
 * A test provider (no money moves), with card numbers in the manner of
 * Stripe's: `4242 4242 4242 4242` succeeds, `4000 0000 0000 0002` is
 * declined, `4000 0000 0000 9995` is declined for insufficient funds; any
 * other number is declined as unknown. Spaces and dashes are ignored.
 */
export const SANDBOX_CARDS = {
  success: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
} as const;

export const sandboxCard: PaymentProvider = {
  name: 'sandbox-card',
  sandbox: true,
  async charge({ paymentMethod, reference }) {
    const number = paymentMethod.replace(/[\s-]/g, '');
    // Deterministic per top-up, as a real provider's charge id would be for one idempotency key.
    const providerReference = `sc_${createHash('sha256').update(reference).digest('hex').slice(0, 24)}`;
    if (number === SANDBOX_CARDS.success) return { status: 'succeeded', providerReference };
    if (number === SANDBOX_CARDS.insufficientFunds) return { status: 'declined', reason: 'insufficient funds', providerReference };
    if (number === SANDBOX_CARDS.declined) return { status: 'declined', reason: 'card declined', providerReference };
    return { status: 'declined', reason: 'unknown test card (use 4242 4242 4242 4242 to succeed)' };
  },
};
