import { isManager, type Principal } from '../../../platform/http/auth.ts';
import { transaction } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { newSigningSecret, ROTATION_OVERLAP_MS } from '../domain/signature.ts';
import { lockEndpoint, updateSecrets } from '../infra/webhooks.repository.ts';
import { endpointNotFound, type Webhooks } from './context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A new signing secret, returned this once (`x-idempotency: none`). The
 * current one becomes the previous and keeps signing for 24 hours, so the
 * integrator switches without a failed delivery; a previous one still in
 * its overlap is dropped (two signatures at most).
 */
export async function rotateSecret(webhooks: Webhooks, input: { actor: Principal; id: string; requestId?: string }) {
  const { kernel } = webhooks;
  if (!isManager(input.actor)) throw new AppError('AUTH.FORBIDDEN', 'Only managers and admins manage webhook endpoints.');
  if (!UUID.test(input.id)) throw endpointNotFound();
  return transaction(kernel.db, async (tx) => {
    const row = await lockEndpoint(kernel.db, tx, input.id);
    if (!row) throw endpointNotFound();
    const secret = newSigningSecret();
    const previousExpiresAt = new Date(kernel.clock.now().getTime() + ROTATION_OVERLAP_MS);
    await updateSecrets(kernel.db, tx, {
      id: row.id,
      secretEncrypted: webhooks.box.seal(secret, row.id),
      previousEncrypted: row.secret_encrypted,
      previousExpiresAt,
    });
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'webhook_endpoint.secret_rotated',
      targetType: 'webhook_endpoint',
      targetId: row.id,
      after: { previousSecretExpiresAt: previousExpiresAt.toISOString() },
      requestId: input.requestId,
    });
    return { id: row.id, secret, previousSecretExpiresAt: previousExpiresAt.toISOString() };
  });
}
