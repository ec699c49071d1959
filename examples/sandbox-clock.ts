/**
 * Drives the sandbox clock through the SDK, as an integrator testing a week
 * of activity would: sign in as the demo manager, read the platform time,
 * advance it by a week, and see which jobs ran and which emails went out.
 *
 *   npm start                      # in one terminal
 *   npm run example:sandbox-clock  # in another
 */
import { login, unwrap } from '@chorecat/sdk';

export async function sandboxClockTour(baseUrl: string, credentials = { email: 'manager@chorecat.test', password: 'chorecat-demo' }) {
  const { client } = await login({ baseUrl }, credentials);
  const before = unwrap(await client.GET('/v1/sandbox/clock'));
  const after = unwrap(await client.POST('/v1/sandbox/clock', { body: { advanceBy: 'P7D' } }));
  const emails = unwrap(await client.GET('/v1/emails', { params: { query: { limit: 5 } } }));
  return {
    before: before.now,
    after: after.now,
    jobsRun: after.jobsRun,
    latestEmails: emails.data.map((e) => `${e.status} ${e.to}: ${e.subject}`),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await sandboxClockTour(process.env.CHORECAT_URL ?? 'http://localhost:3000');
  console.log(JSON.stringify(result, null, 2));
}
