import { lookup } from 'node:dns/promises';
import { judgeAddress, ipLiteralOf } from '../domain/address.ts';

/** A resolver that does not answer is no better than a name that does not resolve (and must not hold a request or a run). */
export const LOOKUP_TIMEOUT_MS = 5_000;

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('DNS lookup timed out'), { code: 'ETIMEOUT' })), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export type Resolution =
  | { ok: true; address: string; family: 4 | 6 }
  | { ok: false; code: 'WEBHOOKS.URL_NOT_ALLOWED' | 'WEBHOOKS.URL_UNRESOLVABLE'; reason: string };

/**
 * Resolves an endpoint's host once and judges every address it has. A name
 * with any refused address is refused (else a rebinding name could offer a
 * public and a private one); the caller connects to the address returned
 * here and nowhere else, so the answer checked is the answer used.
 */
export async function resolveEndpointHost(hostname: string, allowPrivate: boolean): Promise<Resolution> {
  const literal = ipLiteralOf(hostname);
  let candidates: string[];
  if (literal) candidates = [literal];
  else {
    try {
      candidates = (await withDeadline(lookup(hostname, { all: true, verbatim: true }), LOOKUP_TIMEOUT_MS)).map((a) => a.address);
    } catch (error) {
      return {
        ok: false,
        code: 'WEBHOOKS.URL_UNRESOLVABLE',
        reason: `${hostname} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      };
    }
    if (candidates.length === 0) return { ok: false, code: 'WEBHOOKS.URL_UNRESOLVABLE', reason: `${hostname} has no address` };
  }
  let first: { address: string; family: 4 | 6 } | undefined;
  for (const candidate of candidates) {
    const verdict = judgeAddress(candidate, allowPrivate);
    if (!verdict.ok) return { ok: false, code: 'WEBHOOKS.URL_NOT_ALLOWED', reason: `${hostname} resolves to ${verdict.reason}` };
    first ??= verdict;
  }
  return { ok: true, address: first!.address, family: first!.family };
}
