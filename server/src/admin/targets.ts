import type { Kernel } from '../platform/module.ts';
import { describeOrders } from './orders.ts';
import { describePeople } from './people.ts';

/**
 * What an audit entry's target is, as a manager names it, and the panel
 * screen it is on: an order by its service and start, a person by the
 * panel's one people lookup, a kit or a review by its order, anything else
 * by its screen's own title ("Litter box", a vacancy's title). Each
 * target type is on one screen; `sandbox_clock` is on none.
 */
const TARGET_SCREENS: Record<string, { screen: string; noun: string }> = {
  order: { screen: 'orders', noun: 'Order' },
  user: { screen: 'users', noun: 'User' },
  worker: { screen: 'worker_profiles', noun: 'Worker' },
  application: { screen: 'applications', noun: 'Application' },
  hiring_test: { screen: 'hiring_tests', noun: 'Test' },
  vacancy: { screen: 'vacancies', noun: 'Vacancy' },
  kit: { screen: 'kits', noun: 'Kit' },
  payout: { screen: 'payouts', noun: 'Payout' },
  review: { screen: 'reviews', noun: 'Review' },
  review_form: { screen: 'review_forms', noun: 'Review form' },
  service_type: { screen: 'service_types', noun: 'Service type' },
  settlement_share: { screen: 'settlement_shares', noun: 'Settlement share' },
  webhook_endpoint: { screen: 'webhooks', noun: 'Webhook endpoint' },
  webhook_delivery: { screen: 'webhook_deliveries', noun: 'Webhook delivery' },
};
const PEOPLE_TYPES = new Set(['user', 'worker']);
const NO_SCREEN: Record<string, string> = { sandbox_clock: 'The sandbox clock' };

export interface Target {
  type: string;
  id: string | null;
}
export interface DescribedTarget {
  label: string;
  /** The target's page in the panel; absent when it has none (or is gone). */
  href?: string;
}

/** What the describer needs of the panel: each screen's records by id, and a record's address. */
export interface PanelLookup {
  records(screen: string, ids: string[]): Promise<{ id: string; params: Record<string, unknown>; title: string }[]>;
  showUrl(screen: string, id: string): string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const key = (t: Target) => `${t.type}:${t.id ?? ''}`;

export function describeTargets(kernel: Pick<Kernel, 'db' | 'config'>) {
  const people = describePeople(kernel);
  const ordersNamed = describeOrders(kernel);
  return async (targets: Target[], panel: PanelLookup): Promise<Map<string, DescribedTarget>> => {
    const described = new Map<string, DescribedTarget>();
    const byType = new Map<string, Set<string>>();
    for (const t of targets) {
      if (t.id && UUID.test(t.id) && TARGET_SCREENS[t.type]) byType.set(t.type, (byType.get(t.type) ?? new Set()).add(t.id));
      else if (NO_SCREEN[t.type]) described.set(key(t), { label: NO_SCREEN[t.type]! });
    }
    // The targets' own records (a kit's order, a payout's worker …), one query a screen.
    const records = new Map<string, { params: Record<string, unknown>; title: string }>();
    await Promise.all(
      [...byType].map(async ([type, ids]) => {
        if (type === 'order' || PEOPLE_TYPES.has(type)) return;
        for (const r of await panel.records(TARGET_SCREENS[type]!.screen, [...ids])) records.set(`${type}:${r.id}`, r);
      }),
    );
    const orderIds = new Set(byType.get('order') ?? []);
    const personIds = new Set([...(byType.get('user') ?? []), ...(byType.get('worker') ?? [])]);
    for (const r of records.values()) {
      if (typeof r.params.orderId === 'string') orderIds.add(r.params.orderId);
      else if (typeof r.params.workerId === 'string') personIds.add(r.params.workerId);
    }
    const [names, orders] = await Promise.all([
      personIds.size ? people([...personIds]) : new Map<string, string>(),
      orderIds.size ? ordersNamed([...orderIds]) : new Map<string, string>(),
    ]);
    for (const [type, ids] of byType) {
      const { screen, noun } = TARGET_SCREENS[type]!;
      for (const id of ids) {
        const target = { type, id };
        let label: string | undefined;
        if (type === 'order') label = orders.get(id) && `Order: ${orders.get(id)}`;
        else if (PEOPLE_TYPES.has(type)) label = names.get(id) && `${noun}: ${names.get(id)}`;
        else {
          const record = records.get(key(target));
          if (record) {
            const { orderId, workerId } = record.params;
            const of =
              (typeof orderId === 'string' && orders.get(orderId)) || (typeof workerId === 'string' && names.get(workerId)) || undefined;
            label = of ? `${noun} of ${of}` : record.title && record.title !== id ? `${noun}: ${record.title}` : noun;
          }
        }
        // Gone since (an erased record, a deleted link): its kind and id, with no link to follow.
        described.set(key(target), label ? { label, href: panel.showUrl(screen, id) } : { label: `${noun} ${id} (no longer there)` });
      }
    }
    return described;
  };
}

export { key as targetKey };
