import { describe, it, expect } from 'vitest';
import { createHmac } from 'node:crypto';
import { verifyWebhook, WebhookVerificationError } from '../src/index.ts';

/** verifyWebhook against signatures made here with node:crypto (not the server's code). */
describe('verifyWebhook', () => {
  const secret = 'whsec_test';
  const event = { id: 'e1', type: 'order.created', apiVersion: '2026-12-01', createdAt: '2026-12-02T10:00:00Z', data: { id: 'o1' } };
  const raw = JSON.stringify(event);
  const t = 1_800_000_000;
  const headers = {
    'chorecat-signature': `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${raw}`).digest('hex')}`,
    'chorecat-event-id': 'e1',
  };
  const now = () => t * 1000;

  it('accepts the raw body as a string, a Buffer and an ArrayBuffer', async () => {
    for (const body of [raw, Buffer.from(raw), new TextEncoder().encode(raw).buffer]) {
      expect((await verifyWebhook(body, headers, secret, { now })).id).toBe('e1');
    }
  });

  it('refuses parsed JSON with a reason that says to pass the raw body, not a misleading mismatch', async () => {
    const parsed = JSON.parse(raw) as unknown as string; // what plain JS or express.json()'s `any` hands over
    const error = await verifyWebhook(parsed, headers, secret, { now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toMatchObject({ reason: 'not_raw_body', message: expect.stringMatching(/express\.raw/) });
  });
});
