import type { Kernel } from '../platform/module.ts';
import { formatMoment } from '../platform/email-dates.ts';
import { orderHeadline } from '../modules/orders/index.ts';

/**
 * How the panel names an order: its service and its start in the business
 * time zone ("Litter box, Friday 4 December 2026, 10:00 (UTC+01:00)"), as
 * emails do, never its id. Orders not found are left out.
 */
export function describeOrders(kernel: Pick<Kernel, 'db' | 'config'>) {
  return async (ids: string[]): Promise<Map<string, string>> => {
    const zone = kernel.config.businessTimeZone;
    const headlines = await Promise.all(ids.map(async (id) => [id, await orderHeadline(kernel, id)] as const));
    return new Map(headlines.flatMap(([id, h]) => (h ? [[id, `${h.service}, ${formatMoment(h.startsAt, zone)}`] as const] : [])));
  };
}
