import { createJsonService, type JsonServiceOptions } from '../../../platform/json-client.ts';

/**
 * The adapter to the external cookie supplier (SPEC §6.2), over its HTTP
 * protocol (described in ../CONTEXT.md). Every call has a timeout; any
 * failure (network, timeout, non-2xx) is a SupplierError the caller records
 * and retries later.
 */
export interface SupplierCookieOrder {
  id: string;
  reference: string;
  status: 'accepted' | 'delivered' | 'cancelled';
  deliveredAt: string | null;
}

export class SupplierError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SupplierError';
  }
}

export interface SupplierClient {
  orderCookie(input: { reference: string; recipient: { name: string; address: string } }): Promise<SupplierCookieOrder>;
  getCookieOrder(id: string): Promise<SupplierCookieOrder>;
  /** Resolves with the order as the supplier now has it (already delivered: status `delivered`, nothing cancelled). */
  cancelCookieOrder(id: string): Promise<SupplierCookieOrder>;
}

const STATUSES = ['accepted', 'delivered', 'cancelled'] as const;

export function createSupplierClient(options: JsonServiceOptions): SupplierClient {
  const service = createJsonService({ ...options, name: 'supplier' }, (message, status) => new SupplierError(message, status));
  const call = service.call;
  const asOrder = (json: unknown, status: number): SupplierCookieOrder => {
    const o = json as Partial<SupplierCookieOrder> | undefined;
    // Validated before anything is recorded: a malformed answer is a failed call (retried), never half a kit.
    if (!o || typeof o.id !== 'string' || !/^[\w-]{1,64}$/.test(o.id) || !STATUSES.includes(o.status as never))
      throw new SupplierError(`supplier answered ${status} without a valid order`, status);
    if (o.deliveredAt != null && (typeof o.deliveredAt !== 'string' || Number.isNaN(Date.parse(o.deliveredAt))))
      throw new SupplierError(`supplier answered ${status} with a bad deliveredAt`, status);
    return { id: o.id, reference: String(o.reference ?? ''), status: o.status!, deliveredAt: o.deliveredAt ?? null };
  };
  const failed = (what: string, status: number, json: unknown) =>
    new SupplierError(`supplier refused to ${what}: ${service.describe({ status, json })}`, status);

  return {
    async orderCookie(input) {
      // The reference (our kit id) makes the order idempotent at the supplier: a retry after a timeout gets the same cookie.
      const { status, json } = await call('POST', '/v1/cookie-orders', input, { 'idempotency-key': input.reference });
      if (status !== 200 && status !== 201) throw failed('order the cookie', status, json);
      return asOrder(json, status);
    },
    async getCookieOrder(id) {
      const { status, json } = await call('GET', `/v1/cookie-orders/${encodeURIComponent(id)}`);
      if (status !== 200) throw failed('show the cookie order', status, json);
      return asOrder(json, status);
    },
    async cancelCookieOrder(id) {
      const { status, json } = await call('POST', `/v1/cookie-orders/${encodeURIComponent(id)}/cancel`);
      if (status === 409) return asOrder((json as { order?: unknown })?.order, status);
      if (status !== 200) throw failed('cancel the cookie', status, json);
      return asOrder(json, status);
    },
  };
}
