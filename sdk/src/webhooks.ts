/**
 * Verifying Chorecat's webhook deliveries, in Node and in browsers (Web
 * Crypto, `globalThis.crypto.subtle`; so it is async). A delivery carries
 * `Chorecat-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`
 * (two `v1=` while a rotated secret still signs), `Chorecat-Event-Id` and
 * `Chorecat-Event-Type`; its body is the event envelope.
 *
 * ```ts
 * const event = await verifyWebhook(rawBody, req.headers, process.env.CHORECAT_WEBHOOK_SECRET!);
 * ```
 *
 * Pass the raw body exactly as received (a Buffer, Uint8Array or string),
 * not a re-serialised JSON object. Pass several secrets during a rotation.
 */

import type { webhooks } from './generated/schema.ts';

/** The event envelope every delivery carries (SPEC: `{ id, type, createdAt, data }`, with the payload's `apiVersion`). */
export interface WebhookEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  apiVersion: string;
  createdAt: string;
  data: Data;
}

type PayloadOf<K extends keyof webhooks> = webhooks[K] extends {
  post: { requestBody?: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

/**
 * Every event a delivery can carry, typed from the contract's `webhooks`
 * section: narrow it with `switch (event.type)` and `data` is that type's
 * resource (an Order for `order.*` …). The panel's "Send test event" sends
 * `webhook.test` (data `{ endpointId, message }`), which is not a public
 * event: verify those with `verifyWebhook<WebhookEvent>(…)`.
 */
export type ChorecatEvent = { [K in keyof webhooks]: PayloadOf<K> }[keyof webhooks];

export type WebhookVerificationReason =
  /** No `Chorecat-Signature` header. */
  | 'missing_signature'
  /** The header is not `t=…,v1=…`. */
  | 'malformed_signature'
  /** `t` is further than the tolerance from now: an old delivery replayed, or a skewed clock. */
  | 'timestamp_out_of_tolerance'
  /** No `v1=` matches any of the secrets: a wrong secret, or a body changed on the way. */
  | 'signature_mismatch'
  /** Signed, but not an event envelope, or its id is not the `Chorecat-Event-Id` header's. */
  | 'malformed_event'
  /** Neither Web Crypto nor any secret to check with. */
  | 'no_secret'
  /** The body passed is not the raw bytes received (e.g. the object express.json() parsed): it cannot be checked. */
  | 'not_raw_body';

export class WebhookVerificationError extends Error {
  constructor(
    readonly reason: WebhookVerificationReason,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** Node's `req.headers`, a Fetch `Headers`, or a plain object. */
export type WebhookHeaders = { get(name: string): string | null } | Record<string, string | readonly string[] | undefined>;

export interface VerifyWebhookOptions {
  /** How far `t` may be from now, either way (default 300 s). */
  toleranceSeconds?: number;
  /** The current time in milliseconds (default `Date.now()`). */
  now?: () => number;
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function')
    return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const record = headers as Record<string, string | readonly string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value.join(',') : (value as string | undefined);
}

const encoder = new TextEncoder();

function bytesOf(body: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof Uint8Array) return body;
  return new Uint8Array(body);
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares without stopping at the first difference (no timing hint of how much matched). */
function equalText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Checks a delivery's signature against `secrets` (one, or several during a
 * rotation) and its timestamp against the tolerance, then returns the event.
 * Throws a `WebhookVerificationError` naming the `reason` otherwise.
 */
export async function verifyWebhook<Event extends WebhookEvent = ChorecatEvent>(
  rawBody: string | Uint8Array | ArrayBuffer,
  headers: WebhookHeaders,
  secrets: string | readonly string[],
  options: VerifyWebhookOptions = {},
): Promise<Event> {
  // Plain JS (or Express's `req.body: any`) can hand over the parsed JSON; its signature would "mismatch", which misleads.
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array) && !(rawBody instanceof ArrayBuffer)) {
    throw new WebhookVerificationError(
      'not_raw_body',
      'Pass the body exactly as received (a string, Buffer, Uint8Array or ArrayBuffer), not parsed JSON: with Express, express.raw({ type: "application/json" }) on the webhook route.',
    );
  }
  const tolerance = options.toleranceSeconds ?? 300;
  const keys = (typeof secrets === 'string' ? [secrets] : [...secrets]).filter((s) => s.length > 0);
  if (keys.length === 0) throw new WebhookVerificationError('no_secret', 'No secret to verify the delivery with.');
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new WebhookVerificationError('no_secret', 'Web Crypto (globalThis.crypto.subtle) is not available here.');
  const signatureHeader = header(headers, 'chorecat-signature');
  if (!signatureHeader) throw new WebhookVerificationError('missing_signature', 'The delivery has no Chorecat-Signature header.');
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of signatureHeader.split(',')) {
    const [name, value, ...rest] = part.trim().split('=');
    if (rest.length > 0 || !value) continue;
    if (name === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (name === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) {
    throw new WebhookVerificationError('malformed_signature', 'Chorecat-Signature is not t=<seconds>,v1=<hex>.');
  }
  const nowSeconds = (options.now?.() ?? Date.now()) / 1000;
  if (Math.abs(nowSeconds - timestamp) > tolerance) {
    throw new WebhookVerificationError(
      'timestamp_out_of_tolerance',
      `The delivery was signed at ${timestamp}, more than ${tolerance} s from now (${Math.floor(nowSeconds)}).`,
    );
  }
  const body = bytesOf(rawBody);
  const prefix = encoder.encode(`${timestamp}.`);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix);
  signed.set(body, prefix.length);
  let matched = false;
  for (const secret of keys) {
    const key = await subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const expected = hex(await subtle.sign('HMAC', key, signed));
    for (const candidate of signatures) if (equalText(candidate, expected)) matched = true;
  }
  if (!matched) throw new WebhookVerificationError('signature_mismatch', 'No signature matches: a wrong secret, or the body was changed.');
  let event: unknown;
  try {
    event = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw new WebhookVerificationError('malformed_event', 'The signed body is not JSON.');
  }
  const e = event as Partial<WebhookEvent> | null;
  if (
    !e ||
    typeof e !== 'object' ||
    typeof e.id !== 'string' ||
    typeof e.type !== 'string' ||
    typeof e.createdAt !== 'string' ||
    !('data' in e)
  ) {
    throw new WebhookVerificationError(
      'malformed_event',
      'The signed body is not an event envelope { id, type, apiVersion, createdAt, data }.',
    );
  }
  const idHeader = header(headers, 'chorecat-event-id');
  if (idHeader !== undefined && idHeader !== e.id) {
    throw new WebhookVerificationError('malformed_event', "Chorecat-Event-Id is not the signed event's id.");
  }
  return event as Event;
}
