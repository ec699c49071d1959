import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startWorld, until, type World } from '../helpers/killed-server.ts';

/**
 * A kill aimed at the outbox's dangerous moment (issue #18, fault 2): an
 * email has reached the mail server, and the process is SIGKILLed before
 * its batch recorded it sent (the test's SMTP server takes the message and
 * holds back its 250, so the kill lands there). Emails are at least once:
 * after the restart the message is sent again, under the same Message-ID
 * (so a mail system can drop the copy), and nothing is lost — every email
 * of the outbox sent, none given up.
 */
describe('the outbox killed between an email reaching the mail server and its batch committing', () => {
  let world: World;
  const q: World['q'] = (text, params) => world.q(text, params);

  beforeAll(async () => {
    world = await startWorld(3696);
    await world.server.up();
  }, 120_000);
  afterAll(async () => {
    world?.smtp.releaseHeld();
    await world?.close();
  });

  it('sends that email again under the same Message-ID after the restart, and loses none', { timeout: 240_000 }, async () => {
    const auth = await world.signIn('client@chorecat.test');
    const types = (await (await fetch(`${world.base}/v1/service-types`, { headers: auth })).json()) as { data: { id: string }[] };
    // Whatever the demo's start-up sent is out of the way first.
    await until('the outbox idle', async () => (await q("SELECT 1 FROM outbox WHERE status = 'pending' AND topic = 'email'")).length === 0);
    const startsAt = new Date(Date.now() + 5 * 24 * 3600_000);
    startsAt.setUTCHours(10, 0, 0, 0);
    world.smtp.holdNext(1);
    const created = await fetch(`${world.base}/v1/orders`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ serviceTypeId: types.data[0]!.id, startsAt: startsAt.toISOString(), address: '9 Meow Road' }),
    });
    expect(created.status).toBe(201);
    await until('an email taken by the mail server, its answer held', async () => world.smtp.received.some((m) => m.held));
    const held = world.smtp.received.find((m) => m.held)!;
    expect(held.messageId).not.toBe('');
    await world.server.kill('an email at the mail server, its batch not committed');
    const receivedBeforeKill = new Set(world.smtp.received.map((m) => m.messageId));
    world.smtp.releaseHeld();

    await world.server.up();
    await until('the email sent again', async () => world.smtp.received.filter((m) => m.messageId === held.messageId).length >= 2);
    await until('every email of the outbox sent', async () => {
      const [row] = await q<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE topic = 'email' AND status <> 'sent'");
      return row!.n === 0;
    });
    const copies = world.smtp.received.filter((m) => m.messageId === held.messageId);
    expect(copies).toHaveLength(2);
    expect(copies.map((c) => [c.subject, c.to])).toEqual([
      [held.subject, held.to],
      [held.subject, held.to],
    ]);
    // At least once, never more than once again: only what the killed batch had sent is received twice.
    const counts = new Map<string, number>();
    for (const m of world.smtp.received) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
    for (const [messageId, n] of counts) {
      expect(n, messageId).toBeLessThanOrEqual(2);
      if (n === 2) expect(receivedBeforeKill.has(messageId), messageId).toBe(true);
    }
    expect(await q("SELECT count(*)::int AS n FROM outbox WHERE status = 'failed'")).toEqual([{ n: 0 }]);
  });
});
