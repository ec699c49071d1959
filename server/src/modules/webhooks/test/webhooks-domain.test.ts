import { describe, it, expect } from 'vitest';
import { createHmac } from 'node:crypto';
import { judgeAddress, ipLiteralOf, parseEndpointUrl } from '../domain/address.ts';
import { afterFailure, retryDelayMs, RETRY_WINDOW_MS, FIRST_RETRY_MS, MAX_RETRY_MS } from '../domain/retry.ts';
import { signatureHeader, newSigningSecret } from '../domain/signature.ts';
import { acceptsEventType } from '../domain/endpoint.ts';
import { createSecretBox } from '../infra/secret-box.ts';

describe('webhook addresses (SSRF)', () => {
  const refusedAlways = [
    '169.254.169.254',
    'fe80::1',
    '0.0.0.0',
    '::',
    '224.0.0.1',
    '100.64.0.1',
    '255.255.255.255',
    '::ffff:169.254.169.254',
    '64:ff9b::7f00:1',
    '2002:7f00:1::1',
    // IPv4-compatible IPv6 (::/96, deprecated): ipaddr.js calls it unicast, yet it embeds 127.0.0.1 and 169.254.169.254.
    '::7f00:1',
    '::a9fe:a9fe',
    '::2',
  ];
  const privateOnes = [
    '127.0.0.1',
    '127.8.9.10',
    '::1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ];
  const publicOnes = ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'];

  it('refuses link-local, metadata, unspecified, multicast, CGNAT and IPv4-embedding IPv6, whatever the setting', () => {
    for (const ip of refusedAlways) {
      expect(judgeAddress(ip, false).ok, ip).toBe(false);
      expect(judgeAddress(ip, true).ok, ip).toBe(false);
    }
  });
  it('refuses loopback and private networks unless allowed', () => {
    for (const ip of privateOnes) {
      expect(judgeAddress(ip, false).ok, ip).toBe(false);
      expect(judgeAddress(ip, true).ok, ip).toBe(true);
    }
  });
  it('allows public unicast, and judges IPv4-mapped IPv6 as its IPv4 address', () => {
    for (const ip of publicOnes) expect(judgeAddress(ip, false).ok, ip).toBe(true);
    expect(judgeAddress('::ffff:127.0.0.1', true)).toEqual({ ok: true, address: '127.0.0.1', family: 4 });
  });
  it('tells IP literals from names, and checks the URL form', () => {
    expect(ipLiteralOf('[::1]')).toBe('::1');
    expect(ipLiteralOf(new URL('http://[::ffff:127.0.0.1]/').hostname)).toBe('::ffff:7f00:1');
    expect(ipLiteralOf('example.com')).toBeUndefined();
    // The WHATWG parser normalises the odd IPv4 spellings, so they are judged as the address they are.
    expect(new URL('http://0x7f000001/').hostname).toBe('127.0.0.1');
    expect(parseEndpointUrl('ftp://example.com/').ok).toBe(false);
    expect(parseEndpointUrl('javascript:alert(1)').ok).toBe(false);
    expect(parseEndpointUrl('not a url').ok).toBe(false);
    // The limit is on the URL as stored and sent: 1000 é's are 2048 characters once percent-encoded.
    expect(parseEndpointUrl(`http://127.0.0.1/${'é'.repeat(1000)}`)).toEqual({ ok: false, message: 'must be at most 2048 characters' });
    expect(parseEndpointUrl('https://user:pw@example.com/').ok).toBe(false);
    expect(parseEndpointUrl(`https://example.com/${'a'.repeat(2048)}`).ok).toBe(false);
    expect(parseEndpointUrl('https://example.com/hook?x=1').ok).toBe(true);
  });
});

describe('webhook retries', () => {
  it('doubles from a minute to at most six hours, within ±20 % jitter', () => {
    expect(retryDelayMs(1, 0.5)).toBe(FIRST_RETRY_MS);
    expect(retryDelayMs(2, 0.5)).toBe(2 * FIRST_RETRY_MS);
    expect(retryDelayMs(1, 0)).toBe(0.8 * FIRST_RETRY_MS);
    expect(retryDelayMs(1, 0.999999)).toBeLessThanOrEqual(1.2 * FIRST_RETRY_MS);
    expect(retryDelayMs(50, 0.5)).toBe(MAX_RETRY_MS);
  });
  it('retries until 3 days after the first attempt, the last try on the deadline, then gives up', () => {
    const first = new Date('2026-01-01T00:00:00Z');
    const giveUpAt = new Date(first.getTime() + RETRY_WINDOW_MS);
    let now = first;
    let attempts = 0;
    for (;;) {
      attempts++;
      const next = afterFailure({ attempts, now, giveUpAt, random: 0.5 });
      if ('giveUp' in next) break;
      expect(next.retryAt.getTime()).toBeGreaterThan(now.getTime());
      now = next.retryAt;
    }
    expect(now.getTime()).toBe(giveUpAt.getTime());
    expect(attempts).toBeGreaterThan(10);
    expect(attempts).toBeLessThan(30);
  });
});

describe('webhook signatures and secrets', () => {
  it('signs "<t>.<body>" with HMAC-SHA256, one v1 per secret', () => {
    const body = '{"id":"e1","type":"order.created","createdAt":"2026-01-01T00:00:00.000Z","data":{"n":"é"}}';
    const independent = (secret: string) =>
      createHmac('sha256', Buffer.from(secret, 'utf8'))
        .update(Buffer.from(`1700000000.${body}`, 'utf8'))
        .digest('hex');
    expect(signatureHeader(['whsec_a'], 1700000000, body)).toBe(`t=1700000000,v1=${independent('whsec_a')}`);
    expect(signatureHeader(['whsec_a', 'whsec_b'], 1700000000, body)).toBe(
      `t=1700000000,v1=${independent('whsec_a')},v1=${independent('whsec_b')}`,
    );
    expect(newSigningSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newSigningSecret()).not.toBe(newSigningSecret());
  });
  it('keeps secrets encrypted at rest, bound to their endpoint and key', () => {
    const box = createSecretBox('k'.repeat(32));
    const sealed = box.seal('whsec_secret', 'endpoint-1');
    expect(sealed).not.toContain('whsec_secret');
    expect(box.open(sealed, 'endpoint-1')).toBe('whsec_secret');
    expect(() => box.open(sealed, 'endpoint-2')).toThrow();
    expect(() => createSecretBox('x'.repeat(32)).open(sealed, 'endpoint-1')).toThrow();
  });
  it('filters by event type, "*" taking every one', () => {
    expect(acceptsEventType(['*'], 'order.created')).toBe(true);
    expect(acceptsEventType(['order.created'], 'order.created')).toBe(true);
    expect(acceptsEventType(['order.created'], 'order.cancelled')).toBe(false);
  });
});
