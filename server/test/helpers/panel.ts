import supertest from 'supertest';
import { inject } from 'vitest';
import { mountAdmin } from '../../src/admin.ts';
import type { Role } from '../../src/platform/http/auth.ts';
import type { TestPlatform } from './platform.ts';

/**
 * A browser-like panel session: signed in with the session cookie, and
 * every request carrying the panel's own Origin (as a browser's same-origin
 * fetch does), so state-changing POSTs pass the panel's CSRF check.
 */
export async function panelSession(
  t: TestPlatform,
  roles: Role[],
): Promise<{ agent: supertest.Agent; user: { id: string; email: string; token: string } }> {
  const user = await t.userWithRoles(roles);
  const agent = await signedInPanel(t, user.email);
  return { agent, user };
}

export async function signedInPanel(t: TestPlatform, email: string, password = 'test-password'): Promise<supertest.Agent> {
  const agent = supertest.agent(t.platform.app);
  agent.set('origin', new URL(t.config.publicUrl).origin);
  await agent.post('/admin/login').type('form').send({ email, password }).expect(302);
  return agent;
}

/**
 * Mounts the admin panel with the component bundle the global setup made (or found in its cache) once for
 * the whole run: no test file bundles the panel itself (AdminJS's watch() took 25–45 s a file).
 */
export function testPanel(): ReturnType<typeof mountAdmin> {
  return mountAdmin({ dir: inject('panelBundleDir'), prebuilt: true });
}
