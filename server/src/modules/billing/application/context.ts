import type { Kernel } from '../../../platform/module.ts';
import type { PaymentProvider } from '../infra/providers/index.ts';

/** What billing's use cases work with. */
export interface Billing {
  kernel: Kernel;
  provider: PaymentProvider;
}
