import type { Kernel } from '../../../platform/module.ts';
import type { PersonalDataContributor } from '../../../platform/privacy.ts';
import { orderIdsOfClient } from '../../orders/index.ts';
import { eraseFeedbackOnOrders, feedbackOnOrders } from '../infra/reviews.repository.ts';

/**
 * Reviews of a client's orders keep what it said on the review call
 * (`clientFeedback`): exported with its data, replaced on erasure (the
 * review itself, and what it corrected in billing, stay).
 */
export function qualityPersonalData(kernel: Pick<Kernel, 'db'>): PersonalDataContributor {
  return {
    section: 'reviews',
    async export(userId) {
      return feedbackOnOrders(kernel.db, await orderIdsOfClient(kernel, userId));
    },
    async erase(userId, { tx }) {
      await eraseFeedbackOnOrders(kernel.db, tx, await orderIdsOfClient(kernel, userId, tx));
    },
  };
}
