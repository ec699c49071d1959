import { randomUUID } from 'node:crypto';
import type { Database, Tx } from './database.ts';
import type { Clock } from './clock.ts';
import { enqueue, type OutboxDispatcher } from './outbox.ts';

/**
 * Domain events between modules (ARCHITECTURE: modules talk through their
 * doors or through events published after commit). Publishing writes one
 * outbox row per subscriber in the publisher's transaction, so an event
 * exists only if its cause committed, and each subscriber gets it at least
 * once, retried on its own without disturbing the others. Subscribers must
 * be idempotent (they may see an event twice after a crash).
 */
export const EVENT_TOPIC = 'event';

export interface DomainEvent<Payload = unknown> {
  id: string;
  name: string;
  occurredAt: string;
  payload: Payload;
}

type Handler = (event: DomainEvent) => Promise<void>;

export class EventBus {
  private readonly subscribers = new Map<string, Map<string, Handler>>();

  constructor(private readonly deps: { db: Database; clock: Clock; outbox: OutboxDispatcher }) {
    deps.outbox.handle(EVENT_TOPIC, async (message) => {
      const { subscriber, event } = message.payload as { subscriber: string; event: DomainEvent };
      const handler = this.subscribers.get(event.name)?.get(subscriber);
      if (!handler) throw new Error(`no subscriber ${subscriber} for ${event.name}`);
      await handler(event);
    });
  }

  /** `subscriber` names the receiving module's handler; it must stay stable (pending deliveries carry it). */
  subscribe<Payload>(name: string, subscriber: string, handler: (event: DomainEvent<Payload>) => Promise<void>): void {
    const handlers = this.subscribers.get(name) ?? new Map<string, Handler>();
    if (handlers.has(subscriber)) throw new Error(`${subscriber} already subscribes to ${name}`);
    handlers.set(subscriber, handler as Handler);
    this.subscribers.set(name, handlers);
  }

  /**
   * Records the event for every current subscriber, in `tx`. `key`, when
   * given, makes publishing idempotent (the same key is one event).
   */
  async publish<Payload>(tx: Tx | undefined, name: string, payload: Payload, key: string = randomUUID()): Promise<DomainEvent<Payload>> {
    const event: DomainEvent<Payload> = { id: key, name, occurredAt: this.deps.clock.now().toISOString(), payload };
    for (const subscriber of this.subscribers.get(name)?.keys() ?? []) {
      await enqueue(this.deps.db, tx, this.deps.clock, {
        topic: EVENT_TOPIC,
        dedupeKey: `event:${name}:${key}:${subscriber}`,
        payload: { subscriber, event },
      });
    }
    return event;
  }
}
