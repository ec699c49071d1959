import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { apply, createChorecat, login, unwrap } from '@chorecat/sdk';
import { seedDemoHiring } from '../../src/modules/hiring/index.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { codeSentTo } from '../helpers/mail.ts';

/** An applicant app and a manager app on the SDK: apply (proof-of-work solved by the SDK), take the test, get hired. */
describe('hiring through the SDK', () => {
  let t: TestPlatform;
  let baseUrl: string;
  let manager: { email: string };
  beforeAll(async () => {
    t = await createTestPlatform({ env: { APPLICATION_POW_MAX_NUMBER: '2000' } });
    manager = await t.userWithRoles(['manager']);
    await seedDemoHiring(t.platform.kernel);
    baseUrl = await t.listen();
  });
  afterAll(() => t.close());

  it('applies, sets a password, passes the test and is hired with a worker code', async () => {
    const anonymous = createChorecat({ baseUrl });
    const [vacancy] = unwrap(await anonymous.GET('/v1/vacancies')).data;
    const email = 'pounce@example.test';
    const receipt = await apply(anonymous, { name: 'Pounce', email, breed: 'Bengal', age: 2, skills: ['Windows'], vacancyId: vacancy!.id });
    expect(receipt).toMatchObject({ status: 'testing', duplicate: false });

    const code = await codeSentTo(t.db, email, 'application-received');
    unwrap(await anonymous.POST('/v1/auth/password/reset', { body: { email, code, newPassword: 'pounce-password' } }));
    const { client: applicant } = await login({ baseUrl }, { email, password: 'pounce-password' });
    const application = unwrap(await applicant.GET('/v1/applications/{id}', { params: { path: { id: receipt.id } } }));
    const test = application.tests[0]!;
    const path = { id: receipt.id, assignmentId: test.id };
    const attempt = unwrap(await applicant.POST('/v1/applications/{id}/tests/{assignmentId}/attempts', { params: { path } }));
    expect(attempt.questions.map((q) => q.choices.length)).toEqual([3, 3, 3]);
    const result = unwrap(
      await applicant.POST('/v1/applications/{id}/tests/{assignmentId}/attempts/{attemptId}/answers', {
        params: { path: { ...path, attemptId: attempt.id } },
        body: { answers: [1, 0, 1] },
      }),
    );
    expect(result).toMatchObject({ passed: true, score: 100 });

    const { client: desk } = await login({ baseUrl }, { email: manager.email, password: 'test-password' });
    const hired = unwrap(await desk.POST('/v1/applications/{id}/hire', { params: { path: { id: receipt.id } } }));
    expect(hired.workerCode).toMatch(/^W-BEN-\d{4}-\d{4}$/);
    const worker = unwrap(await applicant.GET('/v1/workers/{id}', { params: { path: { id: hired.workerId! } } }));
    expect(worker.workerCode).toBe(hired.workerCode);
  });
});
