import { createJsonService, type JsonServiceOptions } from '../../../platform/json-client.ts';

/**
 * The adapter to Golden Hat, the payout service (SPEC §8), over its HTTP
 * protocol (billing/CONTEXT.md). Every call has a timeout; any failure is a
 * GoldenHatError the caller records and retries.
 */
export interface GoldenHatPayout {
  id: string;
  reference: string;
  status: 'processing' | 'paid' | 'failed';
  failureReason: string | null;
}

export class GoldenHatError extends Error {
  /** `unreachable`: no answer (network, timeout); `refused`: an answer that is not a payout (an error status, a bad body). */
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'refused',
  ) {
    super(message);
    this.name = 'GoldenHatError';
  }
}

export interface GoldenHatClient {
  createPayout(input: {
    idempotencyKey: string;
    reference: string;
    amount: string;
    recipient: { id: string; name: string };
  }): Promise<GoldenHatPayout>;
  getPayout(id: string): Promise<GoldenHatPayout>;
}

export function createGoldenHatClient(options: JsonServiceOptions): GoldenHatClient {
  // The service fails with a status only for an answer it got; without one, Golden Hat was not reached.
  const service = createJsonService(
    { ...options, name: 'Golden Hat' },
    (message, status) => new GoldenHatError(message, status === undefined ? 'unreachable' : 'refused'),
  );
  async function call(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) {
    const answer = await service.call(method, path, body, headers);
    if (answer.status >= 300) throw new GoldenHatError(`Golden Hat refused: ${service.describe(answer)}`, 'refused');
    const json = (answer.json ?? {}) as Partial<GoldenHatPayout>;
    if (typeof json.id !== 'string' || typeof json.status !== 'string')
      throw new GoldenHatError(`Golden Hat answered ${answer.status} without a payout`, 'refused');
    return { id: json.id, reference: String(json.reference ?? ''), status: json.status, failureReason: json.failureReason ?? null };
  }
  return {
    createPayout: (input) =>
      call(
        'POST',
        '/v1/payouts',
        { reference: input.reference, amount: input.amount, recipient: input.recipient },
        { 'idempotency-key': input.idempotencyKey },
      ),
    getPayout: (id) => call('GET', `/v1/payouts/${encodeURIComponent(id)}`),
  };
}
