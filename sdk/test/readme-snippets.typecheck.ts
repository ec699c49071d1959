/**
 * sdk/README.md's snippets, each as the README shows it (inside a function
 * whose parameters stand for what the README takes as given: `baseUrl`,
 * `id`, `order` …), checked by `npm run typecheck` (sdk/test is in
 * tsconfig.json's include) so a snippet cannot rot silently: rename a method
 * or change an argument and this file stops compiling. Nothing here runs;
 * the Quick start is run for real from a packed tarball (see the README).
 * Keep a README snippet and its copy here in step.
 */
import http from 'node:http';
import {
  ChorecatApiError,
  ChorecatNetworkError,
  ChorecatTimeoutError,
  createChorecat,
  formatCents,
  localStorageTokenStore,
  login,
  memoryTokenStore,
  money,
  signIn,
  signOut,
  toCents,
  unwrap,
  verifyWebhook,
  waitFor,
  WebhookVerificationError,
  type ChorecatClient,
  type Schemas,
  type TokenStore,
  type Tokens,
} from '@chorecat/sdk';

declare const input: { value: string };
declare const router: { go(path: string): void };
declare function retryLater(seconds: number | undefined): void;
declare function showOffline(): void;
declare function showSignIn(): void;
declare function handle(event: unknown): Promise<void>;
declare const seen: { has(id: string): Promise<boolean>; add(id: string): Promise<void> };
declare const secret: string;
declare const cookies: { read(): Tokens | undefined; write(tokens: Tokens | undefined): void };

/** ## Quick start (the README's is plain JavaScript, run with node; this is the same in TypeScript). */
export async function quickStart() {
  const { client } = await login({ baseUrl: 'http://localhost:3000' }, { email: 'client@chorecat.test', password: 'chorecat-demo' });
  for await (const order of client.orders.list({ status: 'completed' })) console.log(order.id, order.status, order.price);
  const { data, error } = await client.invoices.getUpcoming();
  console.log(error ? `${error.status} ${error.code}` : `upcoming invoice: ${data.total}`);
  try {
    await client.orders.get.orThrow('00000000-0000-4000-8000-000000000000');
  } catch (e) {
    if (e instanceof ChorecatApiError) console.log(e.status, e.code, e.requestId); // 404 NOT_FOUND …
  }
}

/** ## Auth */
export async function auth(baseUrl: string, email: string, password: string) {
  // A script: login() signs in and hands back a client that keeps the tokens (in memory).
  const { client, store, tokens } = await login({ baseUrl }, { email, password });
  console.log(tokens.expiresIn); // 900: the access token's seconds
  await signOut(client, store); // revokes the refresh token on the server, empties the store

  // An app: your store, your client; sign in and out on them.
  const browserStore = localStorageTokenStore('my-app.tokens');
  const api = createChorecat({ baseUrl, tokenStore: browserStore, onSessionExpired: () => showSignIn() });
  await signIn(api, browserStore, { email, password });
  await signOut(api, browserStore);

  // A fixed token (a service account, a test), or a function asked before every request.
  const bot = createChorecat({ baseUrl, token: process.env.CHORECAT_TOKEN });
  const fromSession = createChorecat({ baseUrl, token: () => sessionStorage.getItem('token') ?? undefined });

  // Your own store: get and set (either may be async), and optionally refreshLock.
  const cookieStore: TokenStore = { get: () => cookies.read(), set: (next) => cookies.write(next) };
  const inMemory = memoryTokenStore();
  void [bot, fromSession, cookieStore, inMemory];
}

/** ## Browser */
export async function browser(email: string, password: string) {
  const store = localStorageTokenStore('chorecat.tokens'); // or any { getItem, setItem, removeItem }
  const client = createChorecat({ baseUrl: 'https://api.chorecat.example', tokenStore: store });
  await signIn(client, store, { email, password });
}

/** ## Resource methods */
export async function resourceMethods(
  baseUrl: string,
  token: string,
  serviceTypeId: string,
  startsAt: string,
  order: Schemas['Order'],
  kit: Schemas['Kit'],
) {
  const chorecat = createChorecat({ baseUrl, token });
  const { data, error, response } = await chorecat.orders.create(
    { serviceTypeId, startsAt, address: '7 Sill Street' },
    { idempotencyKey: 'order-7-sill' },
  );
  void [data, error, response];
  await chorecat.orders.cancel(order.id, { reason: 'plans changed' });
  await chorecat.kits.pack(kit.id, { items: ['sponge'] });
  await chorecat.invoices.getUpcoming();
  await chorecat.sandbox.advance({ advanceBy: 'P1D' });
  const form = new FormData();
  await chorecat.files.upload(form);

  const cancelled = await chorecat.orders.cancel.orThrow(order.id);
  void cancelled;
}

/** ## Errors and codes */
export async function errorsAndCodes(chorecat: ChorecatClient, id: string) {
  const { error } = await chorecat.orders.cancel(id);
  if (error?.code === 'ORDERS.ILLEGAL_TRANSITION') {
    /* … */
  }
}

/** ## Pagination */
export async function pagination(chorecat: ChorecatClient) {
  const { data: page } = await chorecat.orders.list({ status: 'scheduled', limit: 50 });
  void page;

  for await (const order of chorecat.orders.list({ status: 'scheduled' })) {
    console.log(order.id);
  }

  const first200 = await chorecat.orders.list({ limit: 100 }).toArray({ limit: 200 });
  void first200;
}

/** ## Money */
export async function moneySnippet(chorecat: ChorecatClient, paymentMethod: string) {
  await chorecat.topUps.create({ amount: money(input.value), paymentMethod });
  const { balance } = await chorecat.balance.get.orThrow();
  const after = formatCents(toCents(balance) - 1250n); // compute in integer hundredths, never floats
  void after;
}

/** ## Retries, timeouts and idempotency */
export async function retries(baseUrl: string, id: string, controller: AbortController) {
  const api = createChorecat({
    baseUrl,
    maxRetries: 3,
    timeoutMs: 10_000,
    onRetry: (r) => console.warn('retry', r.attempt, r.reason, r.delayMs),
  });
  await api.GET('/v1/orders/{id}', { params: { path: { id } }, timeoutMs: 2_000, maxRetries: 0, signal: controller.signal });
}

/** ## Errors */
export async function errors(api: ChorecatClient, body: Schemas['OrderCreate']) {
  try {
    unwrap(await api.POST('/v1/orders', { body }));
  } catch (error) {
    if (error instanceof ChorecatApiError && error.status === 429) retryLater(error.retryAfter);
    else if (error instanceof ChorecatNetworkError || error instanceof ChorecatTimeoutError) showOffline();
    else throw error;
  }
}

/** ## Sessions */
export function sessions(baseUrl: string) {
  const store = localStorageTokenStore();
  const api = createChorecat({ baseUrl, tokenStore: store, onSessionExpired: () => router.go('/sign-in') });
  void api;
}

/** ## Waiting for an order */
export async function waiting(client: ChorecatClient, order: Schemas['Order'], signal: AbortSignal) {
  const scheduled = await waitFor(client, order, 'scheduled', { timeoutMs: 120_000, signal });
  void scheduled;
}

/** ## The sandbox clock */
export async function sandboxClock(manager: ChorecatClient, client: ChorecatClient) {
  const { now } = await manager.sandbox.getClock.orThrow();
  const advanced = await manager.sandbox.advance.orThrow({ advanceBy: 'P1D' }); // or { advanceTo: '2030-01-06T23:30:00Z' }
  for (const run of advanced.jobsRun) console.log(run.at, run.job, run.outcome);
  void now;

  // A week to Sunday's invoice: the client's completed orders this week are on the upcoming invoice;
  // a week on, Sunday 23:00 has passed, and billing issued the invoice and paid it from the balance.
  const upcoming = await client.invoices.getUpcoming.orThrow();
  await manager.sandbox.advance.orThrow({ advanceBy: 'P7D' });
  const [invoice] = await client.invoices.list({ limit: 1 }).toArray({ limit: 1 }); // newest first
  console.log(upcoming.total, invoice?.total, invoice?.status); // e.g. 50.00 50.00 paid
}

/** ## Webhooks */
export function webhooksNode(secret: string) {
  http
    .createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const event = await verifyWebhook(Buffer.concat(chunks), req.headers, secret).catch(() => undefined);
      if (!event) return void res.writeHead(400).end();
      if (!(await seen.has(event.id))) await handle(event).then(() => seen.add(event.id)); // a retry carries the same id
      res.writeHead(204).end();
    })
    .listen(4030);
}

/** The Fetch-style receiver (`secret` as the README takes it: yours). */
export async function POST(request: Request): Promise<Response> {
  try {
    const event = await verifyWebhook(await request.arrayBuffer(), request.headers, secret);
    switch (event.type) {
      case 'order.completed':
        console.log(event.data.id, event.data.price); // data is the Order
        break;
      default:
        console.log(event.type);
    }
    return new Response(null, { status: 204 });
  } catch (error) {
    if (error instanceof WebhookVerificationError) return new Response(error.reason, { status: 400 });
    throw error;
  }
}

export async function webhooksRotation(manager: ChorecatClient, endpointId: string, body: Uint8Array, headers: Headers, oldSecret: string) {
  const { secret: newSecret } = await manager.webhookEndpoints.rotateSecret.orThrow(endpointId);
  // For 24 hours every delivery is signed by both: accept either while you switch.
  const event = await verifyWebhook(body, headers, [newSecret, oldSecret]);
  void event;
}
