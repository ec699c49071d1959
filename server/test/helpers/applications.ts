import { solveChallenge } from 'altcha-lib/v1';
import type { TestPlatform } from './platform.ts';

/** Fetches a proof-of-work challenge and solves it, as an applicant's browser would. */
export async function solvedChallenge(t: TestPlatform): Promise<string> {
  const { body } = await t.api.get('/v1/application-challenge').expect(200);
  const solution = await solveChallenge(body.challenge, body.salt, body.algorithm, body.maxnumber).promise;
  if (!solution) throw new Error('unsolvable challenge');
  return Buffer.from(
    JSON.stringify({
      algorithm: body.algorithm,
      challenge: body.challenge,
      number: solution.number,
      salt: body.salt,
      signature: body.signature,
    }),
  ).toString('base64');
}

let n = 0;
export function applicationBody(vacancyId: string, overrides: Record<string, unknown> = {}) {
  n++;
  return {
    name: `Applicant ${n}`,
    email: `applicant-${n}-${Math.random().toString(36).slice(2, 8)}@chorecat.test`,
    breed: 'Siamese',
    age: 3,
    skills: ['Cleaning', 'Laundry', 'Windows'],
    vacancyId,
    ...overrides,
  };
}
