import type { PaymentProvider } from './provider.ts';
import { sandboxCard } from './sandbox-card.ts';

/** Every payment provider, by name (PAYMENT_PROVIDER picks one). */
export const PAYMENT_PROVIDERS: Record<string, PaymentProvider> = {
  [sandboxCard.name]: sandboxCard,
};

export type { PaymentProvider, ChargeResult } from './provider.ts';
