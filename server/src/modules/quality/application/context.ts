import type { Kernel } from '../../../platform/module.ts';
import { AppError } from '../../../platform/errors.ts';
import type { BillingReviewCorrections } from '../../billing/index.ts';
import type { FilesService } from '../../files/index.ts';

/** What quality's use cases work with: the kernel, billing's corrections, files (photo hashes), and the random source of sampling. */
export interface Quality {
  kernel: Kernel;
  billing: BillingReviewCorrections;
  files: FilesService;
  /** In [0, 1); injectable so a test can draw with a fixed seed. */
  random: () => number;
}

export const reviewNotFound = () => new AppError('NOT_FOUND', 'No such review.');
