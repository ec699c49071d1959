import type { Kernel } from '../../../platform/module.ts';
import { AppError } from '../../../platform/errors.ts';
import { getServiceType, type ServiceType } from '../../catalog/index.ts';

export const MAX_DAYS_AHEAD = 90;

/** Start in the future and at most 90 days ahead (SPEC: tested at both ends). */
export function assertStartInRange(startsAt: Date, now: Date): void {
  const latest = now.getTime() + MAX_DAYS_AHEAD * 24 * 60 * 60_000;
  if (startsAt.getTime() <= now.getTime() || startsAt.getTime() > latest) {
    // "Now" is the platform's clock, which a sandbox may have moved past the wall clock: name it, since clients cannot read it.
    const window = `after ${now.toISOString()} and at most ${MAX_DAYS_AHEAD} days later (until ${new Date(latest).toISOString()})`;
    throw new AppError('ORDERS.START_OUT_OF_RANGE', `The start must be ${window}, by the platform's clock.`, {
      errors: [{ path: '/body/startsAt', message: `must be ${window}` }],
    });
  }
}

export async function activeServiceType(kernel: Pick<Kernel, 'db'>, id: string): Promise<ServiceType> {
  const type = await getServiceType(kernel, id);
  if (!type || !type.active) {
    throw new AppError('ORDERS.SERVICE_TYPE_UNAVAILABLE', 'That service type does not exist or cannot be ordered now.', {
      errors: [{ path: '/body/serviceTypeId', message: 'must be an active service type' }],
    });
  }
  return type;
}

export const endOf = (startsAt: Date, type: ServiceType) => new Date(startsAt.getTime() + type.durationMinutes * 60_000);
