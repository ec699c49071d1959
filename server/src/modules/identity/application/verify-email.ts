import type { Kernel } from '../../../platform/module.ts';
import { updateUser } from '../infra/users.repository.ts';
import { issueSession, type Tokens } from './issue-session.ts';
import { redeemCode } from './redeem-code.ts';

/** A right code verifies the address and signs the user in. */
export function verifyEmail(
  kernel: Pick<Kernel, 'db' | 'clock' | 'secrets' | 'tokens'>,
  input: { email: string; code: string; address: string },
): Promise<Tokens> {
  return redeemCode(kernel, { ...input, purpose: 'verify_email' }, async (user, tx) => {
    const verified = user.email_verified_at
      ? user
      : await updateUser(kernel.db, tx, user.id, { email_verified_at: kernel.clock.now() }, kernel.clock.now());
    return issueSession(kernel, tx, { ...verified, tokenGeneration: verified.token_generation });
  });
}
