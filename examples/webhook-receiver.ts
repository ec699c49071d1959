/**
 * A webhook receiver on the SDK, as an integrator would write one: it
 * listens on loopback, signs in as the demo manager, registers itself as an
 * endpoint for every event type, verifies each delivery with
 * `verifyWebhook` (on the raw body) and prints one line per event, a
 * summary a person reads at a glance (`summarize`), not the payload. Ctrl-C
 * deletes the endpoint again.
 *
 *   npm start                            # in one terminal
 *   npm run example:webhook-receiver     # in another (CHORECAT_URL, WEBHOOK_RECEIVER_PORT)
 *
 * Loopback endpoints are allowed outside production (WEBHOOKS_ALLOW_PRIVATE).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { login, verifyWebhook, WebhookVerificationError, type WebhookEvent } from '@chorecat/sdk';

/** The figure worth seeing per resource (money as the API gives it, "50.00"); the rest of the payload stays out of the line. */
const FIGURES: Record<string, string[]> = { order: ['price'], invoice: ['total'], statement: ['net'], settlement: ['pot'] };

/**
 * One line per event: its type, the resource with a short id and its status, then its figure,
 * e.g. `order.completed  order 1a2b… completed  price 50.00`.
 */
export function summarize(event: WebhookEvent): string {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const segments = event.type.split('.');
  // webhook.endpoint.disabled is about an endpoint; the other types name their resource first (order.created).
  const resource = segments[0] === 'webhook' && segments.length > 2 ? segments[1]! : segments[0]!;
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
  const id = text(data.id);
  const subject = [resource, id && `${id.slice(0, 4)}…`, text(data.status)].filter(Boolean).join(' ');
  const figures = (FIGURES[resource] ?? []).flatMap((key) => (text(data[key]) === undefined ? [] : [`${key} ${text(data[key])}`]));
  return [event.type, subject, ...figures].join('  ');
}

export async function startWebhookReceiver(
  baseUrl: string,
  options: {
    port?: number;
    manager?: { email: string; password: string };
    eventTypes?: string[];
    log?: (line: string) => void;
  } = {},
) {
  const log = options.log ?? ((line: string) => console.log(line));
  const events: WebhookEvent[] = [];
  let secret = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      try {
        const event = await verifyWebhook(Buffer.concat(chunks), req.headers, secret);
        // Retries carry the same event id: print each event once.
        if (!events.some((e) => e.id === event.id)) {
          events.push(event);
          log(summarize(event));
        }
        res.writeHead(204).end();
      } catch (error) {
        const reason = error instanceof WebhookVerificationError ? error.reason : 'error';
        log(`refused a delivery: ${reason}`);
        res.writeHead(400, { 'content-type': 'text/plain' }).end(reason);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  const { client: manager } = await login({ baseUrl }, options.manager ?? { email: 'manager@chorecat.test', password: 'chorecat-demo' });
  const endpoint = await manager.webhookEndpoints.create.orThrow({ url, eventTypes: options.eventTypes ?? ['*'] });
  secret = endpoint.secret;
  log(`listening on ${url} as endpoint ${endpoint.id}`);
  return {
    url,
    endpointId: endpoint.id,
    events,
    async close() {
      await manager.webhookEndpoints.delete(endpoint.id);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const receiver = await startWebhookReceiver(process.env.CHORECAT_URL ?? 'http://localhost:3000', {
    port: Number(process.env.WEBHOOK_RECEIVER_PORT ?? 4030),
  });
  process.once('SIGINT', () => void receiver.close().then(() => process.exit(0)));
}
