import type { Kernel } from '../../../platform/module.ts';
import type { BidLedger } from '../../billing/index.ts';

/** What bids' use cases work with: the kernel, and billing's ledger operations (run in bids' transactions). */
export interface Bids {
  kernel: Pick<Kernel, 'config' | 'db' | 'clock' | 'events'>;
  ledger: BidLedger;
}
