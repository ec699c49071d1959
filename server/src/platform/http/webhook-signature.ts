import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks a signed callback from an external service (the supplier, Golden
 * Hat): a `t=<unix seconds>,v1=<hex>` header carrying an HMAC-SHA256, with
 * the shared secret, of `<t>.<the exact body bytes>`, made within the
 * tolerance of our real time (an old capture replayed is refused).
 */
export type SignatureVerdict = 'ok' | 'missing' | 'malformed' | 'stale' | 'mismatch';

export function verifyWebhookSignature(input: {
  header: string | undefined;
  rawBody: Buffer | undefined;
  secret: string;
  nowSeconds: number;
  toleranceSeconds?: number;
}): SignatureVerdict {
  if (!input.header || !input.rawBody) return 'missing';
  const parts = new Map(
    input.header.split(',').map((part) => {
      const [key, ...rest] = part.trim().split('=');
      return [key, rest.join('=')] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(given)) return 'malformed';
  if (Math.abs(input.nowSeconds - t) > (input.toleranceSeconds ?? 300)) return 'stale';
  const expected = createHmac('sha256', input.secret).update(`${t}.`).update(input.rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex')) ? 'ok' : 'mismatch';
}
