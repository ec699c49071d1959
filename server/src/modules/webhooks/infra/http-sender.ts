import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

/** The first 1 kB of an answer is kept for the delivery log; nothing more is read. */
export const RESPONSE_EXCERPT_BYTES = 1024;

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  latencyMs: number;
  excerpt: string | null;
}

/** The receiver's bytes as text PostgreSQL can keep: NUL (valid UTF-8, refused by a text column) becomes U+FFFD. */
const storable = (text: string) => text.replaceAll('\u0000', '\uFFFD');

/**
 * One POST to an endpoint, to the address already checked (the `lookup`
 * hands the socket that address whatever the name resolves to now: no DNS
 * rebinding between the check and the connection; TLS still verifies the
 * URL's host name). One deadline covers connecting, the answer's head and
 * its first kilobyte; redirects are not followed (a 3xx is a failure); the
 * socket is destroyed as soon as the excerpt is read, so a 10 MB answer
 * costs one kilobyte.
 */
export function postOnce(input: {
  url: URL;
  address: string;
  family: 4 | 6;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  now?: () => number;
}): Promise<AttemptResult> {
  const now = input.now ?? (() => performance.now());
  const started = now();
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: input.address, family: input.family }]);
    else callback(null, input.address, input.family);
  };
  const payload = Buffer.from(input.body, 'utf8');
  const transport = input.url.protocol === 'https:' ? https : http;
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<AttemptResult, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve({ ...result, latencyMs: Math.max(0, Math.round(now() - started)) });
    };
    const request = transport.request({
      method: 'POST',
      protocol: input.url.protocol,
      hostname: input.url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: input.url.port || undefined,
      path: `${input.url.pathname}${input.url.search}`,
      headers: { ...input.headers, 'content-length': String(payload.length) },
      lookup,
      agent: false,
    });
    const timer = setTimeout(
      () => finish({ ok: false, statusCode: null, error: `timed out after ${input.timeoutMs} ms`, excerpt: null }),
      input.timeoutMs,
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({
        ok: false,
        statusCode: null,
        error: storable(error.code ? `${error.code}: ${error.message}` : error.message),
        excerpt: null,
      }),
    );
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let length = 0;
      const done = () => {
        // An answer the log could not store would fail the attempt's record, and the delivery would be sent again every run.
        const excerpt = storable(Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8'));
        const ok = status >= 200 && status < 300;
        const error = ok ? null : status >= 300 && status < 400 ? `redirect (${status}) not followed` : null;
        response.destroy();
        finish({ ok, statusCode: status, error, excerpt });
      };
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
        if (length >= RESPONSE_EXCERPT_BYTES) done();
      });
      response.on('end', done);
      response.on('error', () => done());
    });
    request.end(payload);
  });
}
