import { randomUUID } from 'node:crypto';
import { isManager, type Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { isEventTypeFilter } from '../domain/endpoint.ts';
import { parseEndpointUrl } from '../domain/address.ts';
import { newSigningSecret } from '../domain/signature.ts';
import { insertEndpoint } from '../infra/webhooks.repository.ts';
import { endpointView, type Webhooks } from './context.ts';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION.FAILED', `The ${path} ${message}.`, { errors: [{ path: `/body/${path}`, message }] });

/** The URL's form (400), then where it leads (422): refused before anything is written. */
export async function checkEndpointUrl(webhooks: Webhooks, raw: unknown): Promise<URL> {
  if (typeof raw !== 'string') throw invalid('url', 'must be a string');
  const parsed = parseEndpointUrl(raw);
  if (!parsed.ok) throw invalid('url', parsed.message);
  const resolution = await webhooks.resolve(parsed.url.hostname, webhooks.kernel.config.webhooks.allowPrivate);
  if (!resolution.ok) throw new AppError(resolution.code, `Webhooks are not sent there: ${resolution.reason}.`);
  return parsed.url;
}

/** The filter: `["*"]`, or public event types the platform records (the contract's `webhooks`), as GET /v1/events takes them. */
export function checkEventTypes(raw: unknown, known: readonly string[]): string[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 100) throw invalid('eventTypes', 'must list 1 to 100 event types, or ["*"]');
  const types = raw.map((t) => (typeof t === 'string' ? t : ''));
  if (types.some((t) => !isEventTypeFilter(t))) throw invalid('eventTypes', 'must be event types like order.created, or "*"');
  // "*" beside a type would read as a narrower filter than it is.
  if (types.includes('*') && types.length > 1) throw invalid('eventTypes', 'must be ["*"] alone or event types without "*"');
  const unknown = types.filter((t) => t !== '*' && !known.includes(t));
  if (unknown.length) throw new AppError('EVENTS.UNKNOWN_TYPE', `No public event is of type ${unknown.join(', ')}.`);
  return [...new Set(types)];
}

/**
 * A manager registers an endpoint (SPEC §14). The URL must lead to a
 * public address (SSRF; checked again at every delivery). Its signing
 * secret is generated here, stored encrypted and returned this once: the
 * operation is `x-idempotency: none`, so no replay of it is stored either.
 */
export async function createEndpoint(
  webhooks: Webhooks,
  input: { actor: Principal; url: unknown; eventTypes: unknown; requestId?: string },
) {
  const { kernel } = webhooks;
  if (!isManager(input.actor)) throw new AppError('AUTH.FORBIDDEN', 'Only managers and admins manage webhook endpoints.');
  const eventTypes = checkEventTypes(input.eventTypes, kernel.events.publicEventTypes());
  const url = await checkEndpointUrl(webhooks, input.url);
  const secret = newSigningSecret();
  const id = randomUUID();
  return transaction(kernel.db, async (tx) => {
    const row = await insertEndpoint(kernel.db, tx, {
      id,
      url: url.toString(),
      eventTypes,
      secretEncrypted: webhooks.box.seal(secret, id),
      createdBy: input.actor.id,
      now: kernel.clock.now(),
    });
    const view = endpointView(row);
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'webhook_endpoint.created',
      targetType: 'webhook_endpoint',
      targetId: id,
      after: view,
      requestId: input.requestId,
    });
    return { ...view, secret };
  });
}
