import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestPlatform, MemoryTransport, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { codeSentTo } from '../../../../test/helpers/mail.ts';
import { settle } from '../../../../test/helpers/orders.ts';

/**
 * One-time codes reach only the inbox they were sent to. Managers read every
 * email the platform sent (SPEC §11), and a user's export holds its emails:
 * both show codes redacted, or a manager could reset an admin's password,
 * and a stolen access token could turn into a password change.
 */
describe('emails that carry a code', () => {
  let t: TestPlatform;
  const mail = new MemoryTransport();
  let manager: { token: string };
  let user: { id: string; email: string; token: string };

  beforeAll(async () => {
    t = await createTestPlatform({ mailTransport: mail });
    manager = await t.userWithRoles(['manager']);
    user = await t.userWithRoles(['client']);
  });
  afterAll(() => t.close());

  it('deliver the code, and show it redacted in the emails API and in the export', async () => {
    await t.api.post('/v1/auth/password/forgot').send({ email: user.email }).expect(202);
    const code = await codeSentTo(t.db, user.email, 'identity-password-reset');
    await settle(t);
    const delivered = mail.sent.filter((m) => m.to === user.email && m.template === 'identity-password-reset');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.text).toContain(code);
    expect(delivered[0]!.subject).toContain(code);

    const listed = await t.api
      .get('/v1/emails')
      .query({ recipient: user.email })
      .set('authorization', `Bearer ${manager.token}`)
      .expect(200);
    const reset = listed.body.data.find((e: { template: string }) => e.template === 'identity-password-reset');
    expect(reset.status).toBe('sent');
    for (const part of [reset.subject, reset.text, reset.html]) {
      expect(part).toContain('[redacted]');
      expect(part).not.toContain(code);
    }
    expect(JSON.stringify(listed.body)).not.toContain(code);

    const exported = await t.api.get('/v1/me/export').set('authorization', `Bearer ${user.token}`).expect(200);
    expect(JSON.stringify(exported.body)).not.toContain(code);
    expect(JSON.stringify(exported.body)).toContain('[redacted]');

    // The code still works for the inbox's owner.
    await t.api.post('/v1/auth/password/reset').send({ email: user.email, code, newPassword: 'a-new-password-42' }).expect(204);
  });

  it('leave emails without a code as they are', async () => {
    const listed = await t.api
      .get('/v1/emails')
      .query({ recipient: user.email })
      .set('authorization', `Bearer ${manager.token}`)
      .expect(200);
    const changed = listed.body.data.find((e: { template: string }) => e.template === 'identity-password-changed');
    expect(changed.text).toContain('Your password was just changed');
    expect(changed.text).not.toContain('[redacted]');
  });
});
