/**
 * Type-level tests of the resource methods, checked by `npm run typecheck`
 * (sdk/test is in tsconfig.json's include). Each `@ts-expect-error` must
 * meet an error: if a line below starts compiling, tsc fails with "Unused
 * '@ts-expect-error' directive". Nothing here runs; the runtime behaviour is
 * server/test/e2e/sdk-resources.e2e.test.ts's.
 */
import { formatCents, money, pageSize, toCents, type ChorecatClient, type Exact, type Money, type Schemas } from '@chorecat/sdk';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(value: T) => value;

export async function resourceMethodTypes(chorecat: ChorecatClient, id: string): Promise<void> {
  // Positive: path params positionally, body exact, options.
  const created = await chorecat.orders.create(
    { serviceTypeId: id, startsAt: '2030-01-01T09:00:00Z', address: '1 Cat Street', description: 'the windows' },
    { idempotencyKey: 'order-0001' },
  );
  if (created.data) assertType<Equal<typeof created.data, Schemas['Order']>>(true);
  await chorecat.orders.cancel(id);
  await chorecat.orders.cancel(id, { reason: 'plans changed' });
  const cancelled: Schemas['Order'] = await chorecat.orders.cancel.orThrow(id, {}, { signal: AbortSignal.timeout(1000) });
  void cancelled;
  await chorecat.sandbox.advance({ advanceBy: 'P1D' });
  await chorecat.invoices.getUpcoming();
  await chorecat.kits.pack(id, { items: ['sponge'] });

  // A misspelt optional field.
  // @ts-expect-error descripton is not a field of OrderCreate
  await chorecat.orders.create({ serviceTypeId: id, startsAt: '2030-01-01T09:00:00Z', address: 'x', descripton: 'typo' });

  // A variable with an extra key (no excess-property check of its own) is refused too.
  const withExtra = { reason: 'x', refund: true };
  // @ts-expect-error refund is not a field of CancelRequest
  await chorecat.orders.cancel(id, withExtra);
  const exactOnly = { reason: 'x' };
  await chorecat.orders.cancel(id, exactOnly);
  assertType<Equal<Exact<{ a?: string }, { a: string; b: number }>, { a: string; b: never }>>(true);
  // At any depth, arrays included.
  const kit = { name: 'Sofa guarding', description: '', durationMinutes: 60, active: true, kitItems: [{ name: 'brush', quantity: 1 }] };
  await chorecat.serviceTypes.create(kit);
  const kitWithExtra = { ...kit, kitItems: [{ name: 'brush', quantity: 1, colour: 'red' }] };
  // @ts-expect-error colour is not a field of a kit item
  await chorecat.serviceTypes.create(kitWithExtra);

  // A missing required field; a path param missing.
  // @ts-expect-error address is required
  await chorecat.orders.create({ serviceTypeId: id, startsAt: '2030-01-01T09:00:00Z' });
  // @ts-expect-error the order id is required
  await chorecat.orders.get();

  // limit is 1..100.
  await chorecat.orders.list({ status: 'scheduled', limit: 100 });
  // @ts-expect-error 1000 is over the contract's maximum
  await chorecat.orders.list({ limit: 1000 });
  const computed: number = 20;
  // @ts-expect-error a computed number is not a page size until pageSize() checked it
  await chorecat.orders.list({ limit: computed });
  await chorecat.orders.list({ limit: pageSize(computed) });
  // @ts-expect-error a misspelt query key
  await chorecat.orders.list({ stauts: 'scheduled' });

  // Money: the API's two-decimal strings, made by money() or formatCents().
  await chorecat.topUps.create({ amount: '12.50', paymentMethod: 'card' });
  await chorecat.topUps.create({ amount: money('12.50'), paymentMethod: 'card' });
  await chorecat.topUps.create({ amount: formatCents(1250n), paymentMethod: 'card' });
  // @ts-expect-error one decimal is not an amount
  await chorecat.topUps.create({ amount: '12.5', paymentMethod: 'card' });
  const typed: string = '12.50';
  // @ts-expect-error a plain string must go through money() first
  await chorecat.topUps.create({ amount: typed, paymentMethod: 'card' });
  // @ts-expect-error a bid's stake is Money too
  await chorecat.orders.placeBid(id, { amount: '1', condition: 'completed' });
  const balance = await chorecat.balance.get.orThrow();
  const cents: bigint = toCents(balance.balance);
  void cents;
  // @ts-expect-error toCents takes Money, not any string
  toCents(typed);
  const fromRaw = await chorecat.GET('/v1/balance');
  if (fromRaw.data) toCents(fromRaw.data.balance); // the raw client keeps Money too

  // Errors: `error` is the problem; `code` is the union of the operation's documented codes
  // (its x-error-codes and the common ones that apply; sdk/test/resources-codes.test.ts has a fixture contract).
  const result = await chorecat.orders.cancel(id);
  if (result.error) {
    const code: string = result.error.code;
    void code;
    if (result.error.code === 'ORDERS.ILLEGAL_TRANSITION' || result.error.code === 'IDEMPOTENCY.KEY_REUSED') void 0;
    // @ts-expect-error cancelling an order never answers BIDS.ORDER_STARTED
    if (result.error.code === 'BIDS.ORDER_STARTED') void 0;
    const health = await chorecat.operations.getHealth();
    // @ts-expect-error a GET stores no answer, so it never answers an idempotency code
    if (health.error?.code === 'IDEMPOTENCY.KEY_REUSED') void 0;
    assertType<Equal<typeof result.data, undefined>>(true);
  } else {
    assertType<Equal<typeof result.data, Schemas['Order']>>(true);
  }

  // Lists: awaitable for the first page, iterable over every item, toArray.
  const page = await chorecat.orders.list({ status: 'scheduled' });
  if (page.data) {
    assertType<Equal<typeof page.data.nextCursor, string | null>>(true);
    await chorecat.orders.list({ cursor: page.data.nextCursor }); // null is fine: it ends paging
  }
  for await (const order of chorecat.orders.list({ status: 'scheduled' })) {
    assertType<Equal<typeof order, Schemas['Order']>>(true);
    void order;
  }
  const some: Schemas['Order'][] = await chorecat.orders.list().toArray({ limit: 50 });
  void some;
  for await (const event of chorecat.events.list({ types: ['order.created'] })) {
    assertType<Equal<typeof event, Schemas['Event']>>(true);
    void event;
  }

  // The raw client is still there.
  await chorecat.POST('/v1/orders/{id}/cancel', { params: { path: { id } } });
  chorecat.use({ onRequest: ({ request }) => request });
  // @ts-expect-error integrations (supplier / Golden Hat callbacks) are not a resource group
  void chorecat.integrations;
}

export const moneyTypes = (amount: Money): string => amount;
