import type { Money } from '../../../../platform/money.ts';

/**
 * A payment provider charges a client's payment method for a top-up
 * (SPEC §8: one interface; adding a provider is one file in this folder,
 * registered in `index.ts` here). `reference` is ours (the top-up id): a
 * provider that supports idempotency must use it, so a retried charge is
 * one charge.
 */
export interface PaymentProvider {
  readonly name: string;
  /** Whether it moves real money (refused outside production is not its business; the config decides). */
  readonly sandbox: boolean;
  charge(input: { amount: Money; paymentMethod: string; reference: string }): Promise<ChargeResult>;
}

export type ChargeResult =
  { status: 'succeeded'; providerReference: string } | { status: 'declined'; reason: string; providerReference?: string };
