/**
 * Drives the sandbox clock through the SDK, as an integrator testing a week
 * of activity would: sign in as the demo manager, read the platform time,
 * advance it by a week, and see which jobs ran and which emails went out.
 *
 *   npm start                      # in one terminal
 *   npm run example:sandbox-clock  # in another
 */
import { login } from '@chorecat/sdk';

export async function sandboxClockTour(baseUrl: string, credentials = { email: 'manager@chorecat.test', password: 'chorecat-demo' }) {
  const { client } = await login({ baseUrl }, credentials);
  const before = await client.sandbox.getClock.orThrow();
  const after = await client.sandbox.advance.orThrow({ advanceBy: 'P7D' });
  const emails = await client.emails.list.orThrow({ limit: 5 });
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
