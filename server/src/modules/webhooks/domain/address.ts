import ipaddr from 'ipaddr.js';

/**
 * Which addresses a webhook may be delivered to (SSRF). Only public unicast
 * addresses, always; loopback and private networks (10/8, 172.16/12,
 * 192.168/16, fc00::/7) only when the operator allows them. Link-local
 * (169.254/16, where cloud metadata lives, and fe80::/10), unspecified,
 * multicast, carrier-grade NAT, reserved and the IPv6 forms that embed an
 * IPv4 address (NAT64, 6to4, Teredo) are never allowed. IPv4-mapped IPv6
 * (`::ffff:127.0.0.1`) is judged as the IPv4 address it is.
 */
const PRIVATE_RANGES = new Set(['loopback', 'private', 'uniqueLocal']);

export type AddressVerdict = { ok: true; address: string; family: 4 | 6 } | { ok: false; reason: string };

export function judgeAddress(ip: string, allowPrivate: boolean): AddressVerdict {
  if (!ipaddr.isValid(ip)) return { ok: false, reason: `${ip} is not an IP address` };
  const address = ipaddr.process(ip);
  const range = address.range();
  if (range === 'unicast' || (allowPrivate && PRIVATE_RANGES.has(range))) {
    return { ok: true, address: address.toString(), family: address.kind() === 'ipv4' ? 4 : 6 };
  }
  return { ok: false, reason: `${address.toString()} is a ${range} address` };
}

/** A URL's host as an IP literal (`[::1]` → `::1`), or undefined for a name to resolve. */
export function ipLiteralOf(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : undefined;
}

export type UrlVerdict = { ok: true; url: URL } | { ok: false; message: string };

/** The endpoint URL's form: http(s), no credentials, a host. Its address is checked separately (it needs DNS). */
export function parseEndpointUrl(raw: string): UrlVerdict {
  if (raw.length > 2048) return { ok: false, message: 'must be at most 2048 characters' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: 'must be an absolute http or https URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: 'must be an http or https URL' };
  if (url.username || url.password) return { ok: false, message: 'must not carry credentials' };
  if (!url.hostname) return { ok: false, message: 'must name a host' };
  return { ok: true, url };
}
