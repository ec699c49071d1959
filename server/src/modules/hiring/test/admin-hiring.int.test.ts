import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type supertest from 'supertest';
import { sql } from '../../../platform/database.ts';
import { mountAdmin } from '../../../admin.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { signedInPanel } from '../../../../test/helpers/panel.ts';
import { applicationBody, solvedChallenge } from '../../../../test/helpers/applications.ts';
import { lastEmailTo } from '../../../../test/helpers/mail.ts';

/** Hiring in the admin panel: every action goes through the same use cases as the API. */
describe('hiring in the admin panel', () => {
  let t: TestPlatform;
  let manager: { id: string; email: string; token: string };
  let panel: supertest.Agent;
  let vacancyId: string;

  beforeAll(async () => {
    t = await createTestPlatform({
      env: { APPLICATION_POW_MAX_NUMBER: '500' },
      mountBeforeApi: mountAdmin(path.join(mkdtempSync(path.join(os.tmpdir(), 'chorecat-admin-')), 'bundle')),
    });
    manager = await t.userWithRoles(['manager']);
    panel = await signedInPanel(t, manager.email);
  });
  afterAll(() => t.close());

  it('creates a test with questions (validated), a vacancy with the test attached, and audits them', async () => {
    const bad = await panel
      .post('/admin/api/resources/hiring_tests/actions/new')
      .field('title', 'Broken')
      .field('passMark', '150')
      .field('timeLimitMinutes', '10')
      .field('maxAttempts', '2')
      .field('questions.0.text', 'Only one choice?')
      .field('questions.0.choices.0', 'yes')
      .field('questions.0.correct', '3');
    expect(bad.body.notice).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/passMark.*questions\.0\.choices|questions\.0\.choices.*passMark/s),
    });

    const created = await panel
      .post('/admin/api/resources/hiring_tests/actions/new')
      .field('title', 'Window perches')
      .field('passMark', '50')
      .field('timeLimitMinutes', '10')
      .field('maxAttempts', '2')
      .field('questions.0.text', 'Which way up does a perch go?')
      .field('questions.0.choices.0', 'Suction cups on the glass')
      .field('questions.0.choices.1', 'Upside down')
      .field('questions.0.correct', '0');
    expect(created.body.notice).toMatchObject({ type: 'success' });
    const testId = created.body.record.params.id as string;
    const [stored] = await sql<{ questions: unknown }>(t.db, 'SELECT questions FROM hiring_tests WHERE id = $1', [testId]);
    expect(stored!.questions).toEqual([
      { text: 'Which way up does a perch go?', choices: ['Suction cups on the glass', 'Upside down'], correct: 0 },
    ]);

    const vacancy = await panel
      .post('/admin/api/resources/vacancies/actions/new')
      .field('title', 'Perch fitter')
      .field('description', 'Windows')
      .field('active', 'true');
    expect(vacancy.body.notice).toMatchObject({ type: 'success' });
    vacancyId = vacancy.body.record.params.id;
    const attach = await panel.post('/admin/api/resources/vacancy_tests/actions/new').field('vacancyId', vacancyId).field('testId', testId);
    expect(attach.body.notice).toMatchObject({ type: 'success' });
    const listed = (await t.api.get('/v1/vacancies')).body.data;
    expect(listed).toContainEqual({ id: vacancyId, title: 'Perch fitter', description: 'Windows', testCount: 1 });
    const audit = await sql<{ action: string }>(t.db, 'SELECT action FROM audit_log WHERE actor_id = $1 ORDER BY at', [manager.id]);
    expect(audit.map((a) => a.action)).toEqual(['hiring_test.created', 'vacancy.created', 'vacancy.test_attached']);
  });

  it('works the queue: assigns a test, rejects with a reason, hires through the use cases', async () => {
    const submit = async () =>
      (
        await t.api
          .post('/v1/applications')
          .send({ ...applicationBody(vacancyId), challenge: await solvedChallenge(t) })
          .expect(201)
      ).body.id as string;
    const [first, second] = [await submit(), await submit()];
    const queue = await panel.get('/admin/api/resources/applications/actions/list?filters.status=testing');
    expect(queue.body.records.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([first, second]));

    const [extra] = await sql<{ id: string }>(
      t.db,
      `INSERT INTO hiring_tests (title, questions, pass_mark, time_limit_minutes, max_attempts, created_at, updated_at)
       VALUES ('Extra', '[{"text":"?","choices":["a","b"],"correct":0}]', 50, 5, 1, now(), now()) RETURNING id`,
    );
    const assigned = await panel
      .post('/admin/api/resources/test_assignments/actions/new')
      .field('applicationId', first)
      .field('testId', extra!.id);
    expect(assigned.body.notice).toMatchObject({ type: 'success' });
    const twice = await panel
      .post('/admin/api/resources/test_assignments/actions/new')
      .field('applicationId', first)
      .field('testId', extra!.id);
    expect(twice.body.notice).toMatchObject({ type: 'error', message: expect.stringMatching(/already assigned/) });

    // Tests not passed: hiring is refused, as in the API.
    const early = await panel.post(`/admin/api/resources/applications/records/${second}/hire`);
    expect(early.body.notice).toMatchObject({ type: 'error', message: expect.stringMatching(/Every assigned test must be passed/) });
    const rejected = await panel
      .post(`/admin/api/resources/applications/records/${first}/edit`)
      .field('decisionReason', 'We met, and it is not a fit.');
    expect(rejected.body.notice).toMatchObject({ type: 'success' });
    expect(rejected.body.record.params.status).toBe('rejected');
    const [row] = await sql<{ email: string }>(t.db, 'SELECT email FROM applications WHERE id = $1', [first]);
    expect((await lastEmailTo(t.db, row!.email, 'application-rejected'))?.text).toContain('not a fit');

    // Passing the vacancy's test by hand (as the applicant would through the API), then hiring from the panel.
    await t.db.sequelize.query("UPDATE test_assignments SET status = 'passed', best_score = 100 WHERE application_id = $1", {
      bind: [second],
    });
    const hired = await panel.post(`/admin/api/resources/applications/records/${second}/hire`);
    expect(hired.body.notice).toMatchObject({ type: 'success' });
    const workers = await panel.get('/admin/api/resources/worker_profiles/actions/list');
    expect(workers.body.records.map((r: { params: { applicationId: string } }) => r.params.applicationId)).toContain(second);
  });
});
