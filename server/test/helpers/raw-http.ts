import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The parsed JSON body, or {} when there is none or it is not JSON. */
  body: Record<string, unknown>;
}

/**
 * Sends a request byte for byte: the path as given (an HTTP client library
 * would normalise `//` or `%2e`, or read `//x` as a host) and the body as
 * given (malformed JSON, a wrong content type).
 */
export function rawRequest(
  base: string,
  request: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  // Without a length Node sends a GET's body unframed, and the server reads it as the next request.
  const headers =
    request.body === undefined ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) };
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { host: hostname, port, method: request.method.toUpperCase(), path: request.path, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: Record<string, unknown> = {};
          try {
            body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            body = {};
          }
          resolve({ status: response.statusCode!, headers: response.headers, text, body });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
