import { describe, expect, it } from 'vitest';
import { contractHandlers, type ContractHandler, type ContractHandlers, type Schemas } from '../http/contract.ts';
import { bindOperations, listOperations, loadSpec } from '../http/openapi.ts';

/*
 * The handlers' typing, proven by the typechecker (`npm run typecheck`):
 * each `@ts-expect-error` below marks a mistake the contract's types must
 * refuse. Should the typing loosen, the error disappears and tsc fails on
 * the unused directive. The lines without a directive prove the right
 * shapes still compile, so the types are not simply `never`.
 */

const order: Schemas['Order'] = {
  id: '00000000-0000-4000-8000-000000000001',
  clientId: '00000000-0000-4000-8000-000000000002',
  workerId: null,
  serviceTypeId: '00000000-0000-4000-8000-000000000003',
  startsAt: '2026-05-10T12:00:00.000Z',
  endsAt: '2026-05-10T14:00:00.000Z',
  address: '1 Cat Street',
  description: '',
  status: 'created',
  failureReason: null,
  price: null,
  tips: '0.00',
  rating: null,
  copyOf: null,
  allowedActions: ['cancel'],
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
};

const createOrder: ContractHandler<'createOrder'> = (req, res) => {
  const { serviceTypeId, startsAt, address } = req.body;
  void [serviceTypeId, startsAt, address];
  // @ts-expect-error: the contract's OrderCreate has no `serviceTypeID` (a misspelt body field).
  void req.body.serviceTypeID;
  // @ts-expect-error: createOrder's body is an OrderCreate, not a number.
  const asNumber: number = req.body;
  void asNumber;
  res.status(201).location(`/v1/orders/${order.id}`).json(order);
  // @ts-expect-error: createOrder answers 201; the contract declares no 200 for it.
  res.status(200);
  // @ts-expect-error: the 201 body is an Order; an object missing its fields is refused.
  res.status(201).json({ id: order.id });
  // @ts-expect-error: JSON cannot slip past the check through `send`.
  res.status(201).send({ id: order.id });
};

const getOrder: ContractHandler<'getOrder'> = (req, res) => {
  const id: string = req.params.id;
  void id;
  // @ts-expect-error: the path parameter is `id`; there is no `orderId`.
  void req.params.orderId;
  res.json(order);
  // @ts-expect-error: `status` is a string enum in the contract; another word is refused.
  res.json({ ...order, status: 'lost' });
};

const listOrders: ContractHandler<'listOrders'> = (req, res) => {
  const limit: number | undefined = req.query.limit;
  void limit;
  // @ts-expect-error: listOrders has no `page` query parameter (pagination is by cursor).
  void req.query.page;
  res.json({ data: [order], nextCursor: null });
};

const logout: ContractHandler<'logout'> = (_req, res) => {
  res.status(204).end();
  // @ts-expect-error: a 204 has no body in the contract, so `json` takes nothing.
  res.status(204).json({ ok: true });
};

const handlers: ContractHandlers = {
  createOrder,
  getOrder,
  listOrders,
  logout,
  // @ts-expect-error: `createOrdr` is no operationId in the contract.
  createOrdr: createOrder,
};

describe('handlers typed from the contract', () => {
  it('hands the typed map to the platform as it is, handler for handler', () => {
    const bound = contractHandlers({ createOrder, getOrder, listOrders, logout });
    expect(Object.keys(bound).sort()).toEqual(['createOrder', 'getOrder', 'listOrders', 'logout']);
    expect(bound.createOrder).toBe(createOrder);
  });

  it('still refuses at start what the typechecker refuses: a handler under an operationId the contract lacks', () => {
    const operations = listOperations(loadSpec());
    const all = Object.fromEntries(operations.map((op) => [op.operationId, () => undefined]));
    expect(() => bindOperations(operations, contractHandlers(all))).not.toThrow();
    expect(() => bindOperations(operations, contractHandlers({ ...all, ...handlers }))).toThrow(/handlers not in the spec: \[createOrdr\]/);
  });
});
