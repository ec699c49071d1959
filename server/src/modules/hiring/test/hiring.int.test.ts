import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from '../../../platform/database.ts';
import { seedDemoHiring, WORKER_CODE_PATTERN } from '../index.ts';
import { activeWorkerIds } from '../../identity/index.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { codeSentTo, lastEmailTo } from '../../../../test/helpers/mail.ts';
import { applicationBody, solvedChallenge } from '../../../../test/helpers/applications.ts';

const count = async (t: TestPlatform, table: string) =>
  Number((await sql<{ n: string }>(t.db, `SELECT count(*) AS n FROM ${table}`))[0]!.n);

describe('hiring: applications, tests and decisions through the API', () => {
  let t: TestPlatform;
  let manager: { id: string; token: string; email: string };
  let vacancyId: string;
  const as = (user: { token: string }) => `Bearer ${user.token}`;

  beforeAll(async () => {
    t = await createTestPlatform({ env: { APPLICATION_POW_MAX_NUMBER: '2000', APPLICATION_RATE_LIMIT_PER_MINUTE: '1000' } });
    manager = await t.userWithRoles(['manager']);
    await seedDemoHiring(t.platform.kernel);
    const vacancies = await t.api.get('/v1/vacancies').expect(200);
    vacancyId = vacancies.body.data[0].id;
    expect(vacancies.body.data[0]).toMatchObject({ title: 'Household chores worker', testCount: 1 });
  });
  afterAll(() => t.close());

  const apply = async (overrides: Record<string, unknown> = {}) => {
    const body = applicationBody(vacancyId, overrides);
    const res = await t.api.post('/v1/applications').send({ ...body, challenge: await solvedChallenge(t) });
    return { res, body };
  };
  /** The applicant sets its password with the emailed code and signs in. */
  const signInAsApplicant = async (email: string) => {
    const code = await codeSentTo(t.db, email, 'application-received');
    await t.api.post('/v1/auth/password/reset').send({ email, code, newPassword: 'applicant-password' }).expect(204);
    const login = await t.api.post('/v1/auth/login').send({ email, password: 'applicant-password' }).expect(200);
    return { token: login.body.accessToken as string };
  };

  it('takes an application through tests to hiring: emails at every step, a worker code, the pool', async () => {
    const { res, body } = await apply();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'testing', duplicate: false });
    expect(res.headers.location).toBe(`/v1/applications/${res.body.id}`);
    expect((await lastEmailTo(t.db, manager.email, 'application-new-for-managers'))?.text).toContain(body.email);
    expect((await lastEmailTo(t.db, body.email, 'application-tests-assigned'))?.text).toContain('Household basics');

    const applicant = await signInAsApplicant(body.email);
    const mine = await t.api.get('/v1/applications').set('authorization', as(applicant)).expect(200);
    expect(mine.body.data.map((a: { id: string }) => a.id)).toEqual([res.body.id]);
    const application = (await t.api.get(`/v1/applications/${res.body.id}`).set('authorization', as(applicant)).expect(200)).body;
    expect(application.tests).toHaveLength(1);
    const test = application.tests[0];
    expect(test).toMatchObject({
      title: 'Household basics',
      status: 'assigned',
      passMark: 60,
      maxAttempts: 3,
      attemptsUsed: 0,
      attemptsLeft: 3,
    });

    const attemptsUrl = `/v1/applications/${res.body.id}/tests/${test.id}/attempts`;
    const first = await t.api.post(attemptsUrl).set('authorization', as(applicant)).expect(201);
    expect(first.body).toMatchObject({ number: 1, state: 'in_progress' });
    expect(first.body.questions).toHaveLength(3);
    expect(JSON.stringify(first.body.questions)).not.toContain('correct');
    // Starting again while it runs returns the same attempt.
    expect((await t.api.post(attemptsUrl).set('authorization', as(applicant)).expect(200)).body.id).toBe(first.body.id);
    const wrong = await t.api
      .post(`${attemptsUrl}/${first.body.id}/answers`)
      .set('authorization', as(applicant))
      .send({ answers: [1, 1, 0] });
    expect(wrong.status).toBe(200);
    expect(wrong.body).toMatchObject({ state: 'failed', score: 33, passed: false, correct: 1, total: 3, attemptsLeft: 2 });
    expect((await lastEmailTo(t.db, body.email, 'application-test-result'))?.subject).toContain('not passed (33 %)');
    const again = await t.api
      .post(`${attemptsUrl}/${first.body.id}/answers`)
      .set('authorization', as(applicant))
      .send({ answers: [1, 0, 1] });
    expect(again.body.code).toBe('HIRING.ATTEMPT_SUBMITTED');

    const second = await t.api.post(attemptsUrl).set('authorization', as(applicant)).expect(201);
    const right = await t.api
      .post(`${attemptsUrl}/${second.body.id}/answers`)
      .set('authorization', as(applicant))
      .send({ answers: [1, 0, 1] });
    expect(right.body).toMatchObject({ state: 'passed', score: 100, passed: true, attemptsLeft: 0 });
    expect((await t.api.post(attemptsUrl).set('authorization', as(applicant))).body.code).toBe('HIRING.TEST_PASSED');

    // Applicants cannot decide their own fate.
    expect((await t.api.post(`/v1/applications/${res.body.id}/hire`).set('authorization', as(applicant))).status).toBe(403);
    const hired = await t.api.post(`/v1/applications/${res.body.id}/hire`).set('authorization', as(manager));
    expect(hired.status).toBe(200);
    expect(hired.body).toMatchObject({ status: 'hired', workerId: application.applicantId });
    expect(hired.body.workerCode).toMatch(WORKER_CODE_PATTERN);
    expect(hired.body.workerCode).toMatch(/^CLW-SIA-\d{4}-\d{4}$/);
    expect((await lastEmailTo(t.db, body.email, 'application-hired'))?.text).toContain(hired.body.workerCode);
    expect(await activeWorkerIds(t.platform.kernel)).toContain(application.applicantId);
    // The same token now acts as a worker (roles are read per request).
    const me = await t.api.get(`/v1/workers/${application.applicantId}`).set('authorization', as(applicant)).expect(200);
    expect(me.body).toMatchObject({ workerCode: hired.body.workerCode, breed: 'Siamese', skills: ['Cleaning', 'Laundry', 'Windows'] });
    const pool = await t.api.get('/v1/workers?limit=100').set('authorization', as(manager)).expect(200);
    expect(pool.body.data.map((w: { id: string }) => w.id)).toContain(application.applicantId);
    expect(await sql(t.db, "SELECT 1 FROM audit_log WHERE action = 'application.hired' AND target_id = $1", [res.body.id])).toHaveLength(1);
    expect(
      (await t.api.post(`/v1/applications/${res.body.id}/reject`).set('authorization', as(manager)).send({ reason: 'x' })).body.code,
    ).toBe('HIRING.ILLEGAL_TRANSITION');
  });

  it('answers a second application for an open email with its status, creating nothing', async () => {
    const { res, body } = await apply();
    const [applications, users] = [await count(t, 'applications'), await count(t, 'users')];
    const dup = await t.api.post('/v1/applications').send({ ...body, name: 'Someone Else', challenge: await solvedChallenge(t) });
    expect(dup.status).toBe(200);
    expect(dup.body).toEqual({ id: res.body.id, status: 'testing', duplicate: true });
    expect([await count(t, 'applications'), await count(t, 'users')]).toEqual([applications, users]);
  });

  it('lets one of ten racing submissions for one email create the application', async () => {
    const body = applicationBody(vacancyId);
    const challenges = await Promise.all(Array.from({ length: 10 }, () => solvedChallenge(t)));
    const results = await Promise.all(challenges.map((challenge) => t.api.post('/v1/applications').send({ ...body, challenge })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200 && r.body.duplicate)).toHaveLength(9);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await sql(t.db, 'SELECT 1 FROM applications WHERE email = $1', [body.email])).toHaveLength(1);
  });

  it('refuses a missing, forged or replayed proof-of-work, and changes nothing', async () => {
    const before = await count(t, 'applications');
    const missing = await t.api.post('/v1/applications').send({ ...applicationBody(vacancyId), challenge: 'bm90LWEtc29sdXRpb24=' });
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('HIRING.CHALLENGE_INVALID');
    const solved = await solvedChallenge(t);
    const forged = JSON.parse(Buffer.from(solved, 'base64').toString()) as { number: number };
    forged.number += 1;
    const wrong = await t.api
      .post('/v1/applications')
      .send({ ...applicationBody(vacancyId), challenge: Buffer.from(JSON.stringify(forged)).toString('base64') });
    expect(wrong.body.code).toBe('HIRING.CHALLENGE_INVALID');
    expect((await t.api.post('/v1/applications').send({ ...applicationBody(vacancyId), challenge: solved })).status).toBe(201);
    const replay = await t.api.post('/v1/applications').send({ ...applicationBody(vacancyId), challenge: solved });
    expect(replay.status).toBe(409);
    expect(replay.body.code).toBe('HIRING.CHALLENGE_REUSED');
    expect(await count(t, 'applications')).toBe(before + 1);
  });

  it('refuses a body over 16 kB with 413 before reading it', async () => {
    const before = await count(t, 'applications');
    const res = await t.api.post('/v1/applications').send({
      ...applicationBody(vacancyId),
      skills: Array.from({ length: 20 }, () => 'x'.repeat(1000)),
      challenge: await solvedChallenge(t),
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('REQUEST.TOO_LARGE');
    expect(await count(t, 'applications')).toBe(before);
  });

  it('enforces the time limit and the attempt limit; a manager cannot hire before a pass, and rejects with a reason', async () => {
    const { res, body } = await apply();
    const applicant = await signInAsApplicant(body.email);
    const { tests } = (await t.api.get(`/v1/applications/${res.body.id}`).set('authorization', as(applicant))).body;
    const attemptsUrl = `/v1/applications/${res.body.id}/tests/${tests[0].id}/attempts`;
    const late = await t.api.post(attemptsUrl).set('authorization', as(applicant)).expect(201);
    t.clock.moveTo(new Date(Date.parse(late.body.deadline) + 1));
    const tooLate = await t.api
      .post(`${attemptsUrl}/${late.body.id}/answers`)
      .set('authorization', as(applicant))
      .send({ answers: [1, 0, 1] });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.code).toBe('HIRING.ATTEMPT_EXPIRED');
    const second = await t.api.post(attemptsUrl).set('authorization', as(applicant)).expect(201);
    expect(second.body.number).toBe(2);
    // (The boundary itself is unit-tested; the platform clock keeps running while the request travels.)
    t.clock.moveTo(new Date(Date.parse(second.body.deadline) - 1_000));
    expect(
      (
        await t.api
          .post(`${attemptsUrl}/${second.body.id}/answers`)
          .set('authorization', as(applicant))
          .send({ answers: [2, 2, 2] })
      ).body,
    ).toMatchObject({
      score: 0,
      attemptsLeft: 1,
    });
    const third = await t.api.post(attemptsUrl).set('authorization', as(applicant)).expect(201);
    const short = await t.api
      .post(`${attemptsUrl}/${third.body.id}/answers`)
      .set('authorization', as(applicant))
      .send({ answers: [1] });
    expect(short.status).toBe(422);
    expect(short.body.code).toBe('HIRING.ANSWERS_INVALID');
    await t.api
      .post(`${attemptsUrl}/${third.body.id}/answers`)
      .set('authorization', as(applicant))
      .send({ answers: [1, 2, 2] })
      .expect(200);
    const none = await t.api.post(attemptsUrl).set('authorization', as(applicant));
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('HIRING.NO_ATTEMPTS_LEFT');
    const view = (await t.api.get(`/v1/applications/${res.body.id}`).set('authorization', as(manager))).body;
    expect(view.tests[0]).toMatchObject({ status: 'failed', attemptsUsed: 3, attemptsLeft: 0, bestScore: 33 });

    const hire = await t.api.post(`/v1/applications/${res.body.id}/hire`).set('authorization', as(manager));
    expect(hire.status).toBe(409);
    expect(hire.body.code).toBe('HIRING.TESTS_NOT_PASSED');
    const rejected = await t.api
      .post(`/v1/applications/${res.body.id}/reject`)
      .set('authorization', as(manager))
      .send({ reason: 'Not enough practice yet' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: 'Not enough practice yet' });
    expect((await lastEmailTo(t.db, body.email, 'application-rejected'))?.text).toContain('Not enough practice yet');
    // Closed: no more attempts, and a new application for the same email is welcome.
    expect((await t.api.post(attemptsUrl).set('authorization', as(applicant))).body.code).toBe('HIRING.APPLICATION_CLOSED');
    const { res: fresh } = await apply({ email: body.email });
    expect(fresh.status).toBe(201);
  });

  it('assigns a test by hand, keeps applications to their applicant, and serialises racing attempt starts', async () => {
    const { res, body } = await apply();
    const applicant = await signInAsApplicant(body.email);
    const other = await apply();
    const stranger = await signInAsApplicant(other.body.email);
    expect((await t.api.get(`/v1/applications/${res.body.id}`).set('authorization', as(stranger))).status).toBe(404);
    const client = await t.userWithRoles(['client']);
    expect((await t.api.get('/v1/applications').set('authorization', as(client))).status).toBe(403);
    expect((await t.api.get('/v1/workers').set('authorization', as(applicant))).status).toBe(403);

    const [extra] = await sql<{ id: string }>(
      t.db,
      `INSERT INTO hiring_tests (title, questions, pass_mark, time_limit_minutes, max_attempts, created_at, updated_at)
       VALUES ('Laundry folding', '[{"text":"Socks?","choices":["pair","scatter"],"correct":0}]', 100, 5, 1, now(), now()) RETURNING id`,
    );
    const assigned = await t.api
      .post(`/v1/applications/${res.body.id}/tests`)
      .set('authorization', as(manager))
      .send({ testId: extra!.id });
    expect(assigned.status).toBe(201);
    expect(assigned.body.tests.map((x: { title: string }) => x.title)).toEqual(['Household basics', 'Laundry folding']);
    expect(
      (await t.api.post(`/v1/applications/${res.body.id}/tests`).set('authorization', as(manager)).send({ testId: extra!.id })).body.code,
    ).toBe('HIRING.TEST_ALREADY_ASSIGNED');
    const assignmentId = assigned.body.tests[1].id;
    const starts = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.api.post(`/v1/applications/${res.body.id}/tests/${assignmentId}/attempts`).set('authorization', as(applicant)),
      ),
    );
    expect(starts.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(starts.map((r) => r.body.id)).size).toBe(1);
    expect(await sql(t.db, 'SELECT 1 FROM test_attempts WHERE assignment_id = $1', [assignmentId])).toHaveLength(1);
    // Someone else's attempt is not there for the stranger.
    expect(
      (await t.api.post(`/v1/applications/${res.body.id}/tests/${assignmentId}/attempts`).set('authorization', as(stranger))).status,
    ).toBe(404);
  });

  it("exports an applicant's applications and erases their personal details on request (GDPR)", async () => {
    const { res, body } = await apply({ name: 'Whiskers Private' });
    const applicant = await signInAsApplicant(body.email);
    const exported = await t.api.get('/v1/me/export').set('authorization', as(applicant)).expect(200);
    expect(exported.body.sections.hiring.applications).toMatchObject([{ id: res.body.id, name: 'Whiskers Private', email: body.email }]);
    await t.api.delete('/v1/me').set('authorization', as(applicant)).expect(204);
    const [row] = await sql<{ name: string; email: string; status: string }>(
      t.db,
      'SELECT name, email, status FROM applications WHERE id = $1',
      [res.body.id],
    );
    expect(row).toMatchObject({ name: '[erased]', status: 'testing' });
    expect(row!.email).not.toContain(body.email.split('@')[0]!);
  });

  it('issues distinct, sequential worker codes to concurrent hires', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { res, body } = await apply({ skills: ['Dusting'], breed: 'Maine Coon' });
      const applicant = await signInAsApplicant(body.email);
      const test = (await t.api.get(`/v1/applications/${res.body.id}`).set('authorization', as(applicant))).body.tests[0];
      const url = `/v1/applications/${res.body.id}/tests/${test.id}/attempts`;
      const attempt = await t.api.post(url).set('authorization', as(applicant)).expect(201);
      await t.api
        .post(`${url}/${attempt.body.id}/answers`)
        .set('authorization', as(applicant))
        .send({ answers: [1, 0, 1] })
        .expect(200);
      ids.push(res.body.id);
    }
    const hires = await Promise.all(ids.map((id) => t.api.post(`/v1/applications/${id}/hire`).set('authorization', as(manager))));
    expect(hires.every((h) => h.status === 200)).toBe(true);
    const codes = hires.map((h) => h.body.workerCode as string);
    expect(new Set(codes).size).toBe(4);
    expect(codes.every((c) => /^D-MAI-\d{4}-\d{4}$/.test(c))).toBe(true);
    const sequences = codes.map((c) => Number(c.slice(-4))).sort((a, b) => a - b);
    expect(sequences.at(-1)! - sequences[0]!).toBe(3);
  });
  it('records public events of each application for its applicant and staff, none for another applicant', async () => {
    type Page = { data: { id: string; type: string; data: { id: string; status: string } }[] };
    const events = async (user: { token: string }) =>
      (
        (await t.api.get('/v1/events?limit=100&types=application.received,application.rejected').set('authorization', as(user)).expect(200))
          .body as Page
      ).data;
    const { res: mine, body } = await apply();
    const { res: theirs, body: theirBody } = await apply();
    const applicant = await signInAsApplicant(body.email);
    const other = await signInAsApplicant(theirBody.email);
    const rejected = await t.api
      .post(`/v1/applications/${mine.body.id}/reject`)
      .set('authorization', as(manager))
      .send({ reason: 'Not now' });
    expect(rejected.status).toBe(200);
    const view = (await t.api.get(`/v1/applications/${mine.body.id}`).set('authorization', as(manager)).expect(200)).body;

    const seen = await events(applicant);
    expect(seen.map((e) => [e.type, e.data.id, e.data.status])).toEqual([
      ['application.received', mine.body.id, 'testing'],
      ['application.rejected', mine.body.id, 'rejected'],
    ]);
    expect(seen[1]!.data).toEqual(view);
    expect((await events(other)).map((e) => e.data.id)).toEqual([theirs.body.id]);
    const all = (await events(manager)).map((e) => e.data.id);
    expect(all).toEqual(expect.arrayContaining([mine.body.id, theirs.body.id]));
  });
});

describe('hiring: the application form under a flood', () => {
  let t: TestPlatform;
  let vacancyId: string;
  beforeAll(async () => {
    t = await createTestPlatform({
      env: { APPLICATION_POW_MAX_NUMBER: '500', APPLICATION_RATE_LIMIT_PER_MINUTE: '3', APPLICATION_GLOBAL_RATE_LIMIT_PER_MINUTE: '5' },
    });
    await seedDemoHiring(t.platform.kernel);
    vacancyId = (await t.api.get('/v1/vacancies')).body.data[0].id;
  });
  afterAll(() => t.close());

  it('answers many submissions from one address with 429 after the limit, creating nothing more', async () => {
    const before = [await count(t, 'applications'), await count(t, 'users')];
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await t.api
        .post('/v1/applications')
        .set('x-forwarded-for', '203.0.113.7')
        .send({ ...applicationBody(vacancyId), challenge: await solvedChallenge(t) });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
    expect([await count(t, 'applications'), await count(t, 'users')]).toEqual([before[0]! + 3, before[1]! + 3]);
    // Refused from memory once over: the shared counter saw the first refusal, not the rest.
    const [hits] = await sql<{ hits: number }>(t.db, "SELECT hits FROM rate_limit_hits WHERE key = 'applications:203.0.113.7'");
    expect(hits!.hits).toBe(4);
    // Other routes are not affected for that address.
    expect((await t.api.get('/v1/vacancies').set('x-forwarded-for', '203.0.113.7')).status).toBe(200);
  });

  it('caps submissions from all addresses together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.api
        .post('/v1/applications')
        .set('x-forwarded-for', `198.51.100.${i + 1}`)
        .send({ ...applicationBody(vacancyId), challenge: await solvedChallenge(t) });
      statuses.push(res.status);
    }
    // Three went through in the test above: the global five are used up by the second of these.
    expect(statuses).toEqual([201, 201, 429, 429]);
  });
});
