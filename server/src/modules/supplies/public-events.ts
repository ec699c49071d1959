import type { PublicEventDeclaration } from '../../platform/event-feed.ts';
import type { KitView } from './domain/kit-view.ts';

/** The public events supplies records (GET /v1/events, webhooks): each carries the kit as GET /v1/kits/{id} returns it. */
export type KitPublicEventType = 'kit.opened' | 'kit.ready' | 'kit.cancelled';

export const KIT_PUBLIC_EVENTS: readonly PublicEventDeclaration[] = (['kit.opened', 'kit.ready', 'kit.cancelled'] as const).map((type) => ({
  type,
  schema: 'Kit',
  audience: 'staff only (managers, admins, supplies)',
}));

declare module '../../platform/event-feed.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PublicEventMap extends Record<KitPublicEventType, KitView> {}
}
