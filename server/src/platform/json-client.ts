/**
 * The one way the platform calls an external JSON service (the supplier, Golden
 * Hat): a bearer key, JSON both ways, a timeout on every call, and every
 * failure turned into the adapter's own error so its caller can record it and
 * retry. A body that is not JSON reads as no body: the adapter decides what a
 * missing answer means.
 */
export interface JsonServiceOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
}

export interface JsonAnswer {
  status: number;
  json: unknown;
}

export interface JsonService {
  call(method: 'GET' | 'POST', path: string, body?: unknown, headers?: Record<string, string>): Promise<JsonAnswer>;
  /** "HTTP 409 (reason)": the status and the service's own `error` field, for a refusal's message. */
  describe(answer: JsonAnswer): string;
}

export function createJsonService(
  options: JsonServiceOptions & { name: string },
  fail: (message: string, status?: number) => Error,
): JsonService {
  return {
    async call(method, path, body, headers = {}) {
      let response: Response;
      try {
        response = await fetch(new URL(path, options.baseUrl), {
          method,
          headers: {
            authorization: `Bearer ${options.apiKey}`,
            accept: 'application/json',
            'content-type': 'application/json',
            ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        throw fail(`${options.name} unreachable: ${cause ?? (error as Error).name ?? 'network error'}`);
      }
      const text = await response.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: response.status, json };
    },
    describe({ status, json }) {
      const reason = (json as { error?: unknown } | undefined)?.error;
      return `HTTP ${status}${typeof reason === 'string' && reason ? ` (${reason})` : ''}`;
    },
  };
}
