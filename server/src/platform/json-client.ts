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
  /** The largest answer read (default 256 kB): a bigger one is cut off unread and refused, never parsed. */
  maxBodyBytes?: number;
}

const MAX_BODY_BYTES = 256 * 1024;

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
      // The timeout covers the body too (a reply that trickles), and the size is capped as it streams in,
      // so a huge or endless reply neither fills memory nor holds the event loop in one big JSON.parse.
      const cap = options.maxBodyBytes ?? MAX_BODY_BYTES;
      let text: string;
      try {
        text = await readCapped(response, cap);
      } catch (error) {
        if (error instanceof TooLarge)
          throw fail(`${options.name} answered more than ${cap} bytes (HTTP ${response.status})`, response.status);
        throw fail(`${options.name} unreachable: the answer did not arrive in time (${(error as Error).name ?? 'error'})`);
      }
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

class TooLarge extends Error {}

async function readCapped(response: Response, cap: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > cap) {
    await response.body?.cancel().catch(() => undefined);
    throw new TooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
