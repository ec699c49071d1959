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
  constructor(message: string) {
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

export function createGoldenHatClient(options: { baseUrl: string; apiKey: string; timeoutMs: number }): GoldenHatClient {
  async function call(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) {
    let response: Response;
    try {
      response = await fetch(new URL(path, options.baseUrl), {
        method,
        headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new GoldenHatError(`Golden Hat unreachable: ${cause ?? (error as Error).name}`);
    }
    const text = await response.text();
    let json: Partial<GoldenHatPayout> & { error?: string } = {};
    try {
      json = text ? (JSON.parse(text) as typeof json) : {};
    } catch {
      json = {};
    }
    if (response.status >= 300)
      throw new GoldenHatError(`Golden Hat refused: HTTP ${response.status}${json.error ? ` (${json.error})` : ''}`);
    if (typeof json.id !== 'string' || typeof json.status !== 'string')
      throw new GoldenHatError(`Golden Hat answered ${response.status} without a payout`);
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
