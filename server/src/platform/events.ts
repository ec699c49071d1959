import { randomUUID } from 'node:crypto';
import type { Database, Tx } from './database.ts';
import type { Clock } from './clock.ts';
import { enqueue, type OutboxDispatcher } from './outbox.ts';
import {
  recordPublicEvent,
  recordPublicEvents,
  type PublicEventDeclaration,
  type PublicEventMap,
  type PublicEventType,
} from './event-feed.ts';

/**
 * Domain events between modules (ARCHITECTURE: modules talk through their
 * doors or through events published after commit). Publishing writes one
 * outbox row per subscriber in the publisher's transaction, so an event
 * exists only if its cause committed, and each subscriber gets it at least
 * once, retried on its own without disturbing the others. Subscribers must
 * be idempotent (they may see an event twice after a crash).
 */
export const EVENT_TOPIC = 'event';

/**
 * Every domain event by name, with its payload type. The kernel publishes
 * none: each publishing module adds its own by declaration merging in its
 * `events.ts` (`declare module '…/platform/events.ts' { interface
 * DomainEventMap { … } }`) and lists the names in its registry definition
 * (`publishes`), so a misspelt event or a wrong payload field fails
 * typecheck, and a subscription to an event nobody publishes fails at start.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEventMap {}

export type EventName = keyof DomainEventMap & string;

export interface DomainEvent<Payload = unknown> {
  id: string;
  name: string;
  occurredAt: string;
  payload: Payload;
}

type Handler = (event: DomainEvent) => Promise<void>;
interface Subscription {
  handler: Handler;
  inOrderOf?: (payload: unknown) => string;
}

export class EventBus {
  private readonly subscribers = new Map<string, Map<string, Subscription>>();
  private publicTypes: ReadonlySet<string> = new Set();

  constructor(private readonly deps: { db: Database; clock: Clock; outbox: OutboxDispatcher }) {
    deps.outbox.handle(
      EVENT_TOPIC,
      async (message) => {
        const { subscriber, event } = message.payload as { subscriber: string; event: DomainEvent };
        const subscription = this.subscribers.get(event.name)?.get(subscriber);
        if (!subscription) throw new Error(`no subscriber ${subscriber} for ${event.name}`);
        await subscription.handler(event);
      },
      {
        // Subscribers run side by side; one that asked for order gets its events about one thing one after another.
        laneOf: (message) => {
          const { subscriber, event } = message.payload as { subscriber: string; event: DomainEvent };
          const inOrderOf = this.subscribers.get(event.name)?.get(subscriber)?.inOrderOf;
          return `${subscriber}\u0000${inOrderOf ? inOrderOf(event.payload) : event.id}`;
        },
      },
    );
  }

  /**
   * `subscriber` names the receiving module's handler; it must stay stable (pending deliveries carry it).
   * `inOrderOf` names what the handler needs its events in order for (an order's id): within a
   * dispatched batch, this subscriber's events with the same key run one after another, in the order
   * they were published, while everything else runs in parallel. Without it (every subscriber today:
   * each gets at most one event per order, or, like supplies, copes with any order), deliveries run
   * in parallel. A retried delivery is retried later, after its successors: order is never strict.
   */
  subscribe<Name extends EventName>(
    name: Name,
    subscriber: string,
    handler: (event: DomainEvent<DomainEventMap[Name]>) => Promise<void>,
    options: { inOrderOf?: (payload: DomainEventMap[Name]) => string } = {},
  ): void {
    const handlers = this.subscribers.get(name) ?? new Map<string, Subscription>();
    if (handlers.has(subscriber)) throw new Error(`${subscriber} already subscribes to ${name}`);
    handlers.set(subscriber, { handler: handler as Handler, inOrderOf: options.inOrderOf as Subscription['inOrderOf'] });
    this.subscribers.set(name, handlers);
  }

  /**
   * Records the event for every current subscriber, in `tx`. `key`, when
   * given, makes publishing idempotent (the same key is one event).
   */
  async publish<Name extends EventName>(
    tx: Tx | undefined,
    name: Name,
    payload: DomainEventMap[Name],
    key: string = randomUUID(),
  ): Promise<DomainEvent<DomainEventMap[Name]>> {
    const event: DomainEvent<DomainEventMap[Name]> = { id: key, name, occurredAt: this.deps.clock.now().toISOString(), payload };
    for (const subscriber of this.subscribers.get(name)?.keys() ?? []) {
      await enqueue(this.deps.db, tx, this.deps.clock, {
        topic: EVENT_TOPIC,
        dedupeKey: `event:${name}:${key}:${subscriber}`,
        payload: { subscriber, event },
      });
    }
    return event;
  }

  /**
   * Records a public event (`event-feed.ts`: GET /v1/events, webhooks) in
   * `tx`, beside the change it reports; `audience` are the users besides
   * staff who may read it. Occurs now by the platform's clock.
   */
  recordPublic<Type extends PublicEventType>(
    tx: Tx,
    event: { type: Type; data: PublicEventMap[Type]; audience: readonly (string | null)[] },
  ): Promise<{ id: string; seq: string }> {
    this.assertDeclared([event.type]);
    return recordPublicEvent(this.deps.db, tx, {
      type: event.type,
      data: event.data,
      audience: audienceOf(event),
      occurredAt: this.deps.clock.now(),
    });
  }

  /** Like `recordPublic`, for many events at once, in the order given (set-based: a run's thousands of invoices). */
  recordPublicMany<Type extends PublicEventType>(
    tx: Tx,
    events: readonly { type: Type; data: PublicEventMap[Type]; audience: readonly (string | null)[] }[],
  ): Promise<void> {
    this.assertDeclared(events.map((e) => e.type));
    return recordPublicEvents(
      this.deps.db,
      tx,
      events.map((e) => ({ type: e.type, data: e.data, audience: audienceOf(e) })),
      this.deps.clock.now(),
    );
  }

  private assertDeclared(types: readonly string[]): void {
    // An undeclared type would reach partners undocumented (the contract's webhooks list the declared ones).
    for (const type of new Set(types))
      if (!this.publicTypes.has(type)) throw new Error(`public event ${type} is declared by no module (publicEvents)`);
  }

  /** Every public event type the registry's modules declare. */
  publicEventTypes(): string[] {
    return [...this.publicTypes];
  }

  /** The public event types the registry's modules declare (at start, by `createModules`). */
  declarePublic(declarations: readonly PublicEventDeclaration[]): void {
    this.publicTypes = new Set(declarations.map((d) => d.type));
  }

  /** Fails unless every subscription names an event some module declares it publishes (a typo would wait forever). */
  assertPublished(published: ReadonlySet<string>): void {
    for (const [name, handlers] of this.subscribers) {
      if (!published.has(name)) {
        throw new Error(`${[...handlers.keys()].join(', ')} subscribes to ${name}, which no module publishes`);
      }
    }
  }
}

/** Who besides staff may read an event: each user once, none of the nulls (an order with no worker yet). */
const audienceOf = (event: { audience: readonly (string | null)[] }) => [
  ...new Set(event.audience.filter((id): id is string => id !== null)),
];
