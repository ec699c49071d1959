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
/**
 * IPv4-compatible IPv6 (`::7f00:1` for 127.0.0.1, deprecated since RFC 4291) lies in ::/8, which IANA
 * reserves; ipaddr.js names only its :: and ::1 and calls the rest unicast, so it is refused here.
 */
const RESERVED_IPV6 = ipaddr.IPv6.parseCIDR('::/8');

export type AddressVerdict = { ok: true; address: string; family: 4 | 6 } | { ok: false; reason: string };

export function judgeAddress(ip: string, allowPrivate: boolean): AddressVerdict {
  if (!ipaddr.isValid(ip)) return { ok: false, reason: `${ip} is not an IP address` };
  const address = ipaddr.process(ip);
  const range =
    address instanceof ipaddr.IPv6 && address.match(RESERVED_IPV6) && address.range() === 'unicast' ? 'reserved' : address.range();
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
  const tooLong: UrlVerdict = { ok: false, message: 'must be at most 2048 characters' };
  if (raw.length > 2048) return tooLong;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: 'must be an absolute http or https URL' };
  }
  // The URL is stored and sent as parsed, percent-encoded: `é` is six characters there.
  if (url.toString().length > 2048) return tooLong;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: 'must be an http or https URL' };
  if (url.username || url.password) return { ok: false, message: 'must not carry credentials' };
  if (!url.hostname) return { ok: false, message: 'must name a host' };
  return { ok: true, url };
}
