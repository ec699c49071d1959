import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import type supertest from 'supertest';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { panelSession, signedInPanel, testPanel } from '../../../../test/helpers/panel.ts';
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
      mountBeforeApi: testPanel(),
    });
    manager = await t.userWithRoles(['manager']);
    panel = await signedInPanel(t, manager.email);
  });
  afterAll(() => t.close());

  const vacancyTests = async (vacancy: string) =>
    (await sql<{ test_id: string }>(t.db, 'SELECT test_id FROM vacancy_tests WHERE vacancy_id = $1 ORDER BY test_id', [vacancy])).map(
      (r) => r.test_id,
    );

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
      // The form numbers choices from 1: the first is the right one, stored as index 0.
      .field('questions.0.correct', '1');
    expect(created.body.notice).toMatchObject({ type: 'success' });
    expect(created.body.record.params['questions.0.correct']).toBe(1);
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

  it('creates and edits vacancies, attaches and detaches tests through use cases, each audited with its write; a refused write leaves neither', async () => {
    type AuditRow = { action: string; actor_id: string; before: unknown; after: unknown };
    const auditOf = (vacancy: string) =>
      sql<AuditRow>(
        t.db,
        "SELECT action, actor_id, before, after FROM audit_log WHERE target_type = 'vacancy' AND target_id = $1 ORDER BY at, id",
        [vacancy],
      );
    // What a write could change: the two tables and the log, row by row.
    const state = async () => ({
      vacancies: await sql(t.db, 'SELECT * FROM vacancies ORDER BY id'),
      vacancyTests: await sql(t.db, 'SELECT * FROM vacancy_tests ORDER BY id'),
      audit: await sql(t.db, 'SELECT id FROM audit_log ORDER BY id'),
    });
    const newTest = async (title: string) =>
      (
        await sql<{ id: string }>(
          t.db,
          `INSERT INTO hiring_tests (title, questions, pass_mark, time_limit_minutes, max_attempts, created_at, updated_at)
           VALUES ($1, '[{"text":"?","choices":["a","b"],"correct":0}]', 50, 5, 1, now(), now()) RETURNING id`,
          [title],
        )
      )[0]!.id;
    const createVacancy = (fields: Record<string, string>) => {
      const request = panel.post('/admin/api/resources/vacancies/actions/new');
      for (const [name, value] of Object.entries(fields)) void request.field(name, value);
      return request;
    };
    const attach = (vacancy: string, test: string) =>
      panel.post('/admin/api/resources/vacancy_tests/actions/new').field('vacancyId', vacancy).field('testId', test);

    // Refused before anything is written: no title, a blank one, too long a title or description, an unreadable "active".
    let before = await state();
    for (const fields of [
      { description: 'No title' } as Record<string, string>,
      { title: '   ' },
      { title: 'x'.repeat(201) },
      { title: 'Groomer', description: 'x'.repeat(4001) },
      { title: 'Groomer', active: 'perhaps' },
    ]) {
      const refused = await createVacancy(fields);
      expect(refused.status, JSON.stringify(fields)).toBe(200);
      expect(refused.body.notice, JSON.stringify(fields)).toMatchObject({ type: 'error' });
    }
    expect((await createVacancy({ description: 'No title' })).body.notice.message).toMatch(/title/);
    expect(await state()).toEqual(before);

    // The audit entry is written in the change's transaction: when it cannot be written, the change is undone too.
    await t.db.sequelize.query(`
      CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit log unavailable (test)'; END $$;
      CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW WHEN (NEW.after->>'title' = 'Unaudited') EXECUTE FUNCTION refuse_audit();
    `);
    expect((await createVacancy({ title: 'Unaudited' })).status).toBe(500);
    await t.db.sequelize.query('DROP TRIGGER refuse_audit ON audit_log; DROP FUNCTION refuse_audit()');
    expect(await state()).toEqual(before);

    const created = await createVacancy({ title: '  Sofa groomer ', description: 'Sofas', active: 'false' });
    expect(created.body.notice).toMatchObject({ type: 'success' });
    const id = created.body.record.params.id as string;
    expect(created.body.record.params).toMatchObject({ title: 'Sofa groomer', description: 'Sofas', active: false });
    expect(await auditOf(id)).toEqual([
      {
        action: 'vacancy.created',
        actor_id: manager.id,
        before: null,
        after: { title: 'Sofa groomer', description: 'Sofas', active: false },
      },
    ]);

    // An edit changes what it names; a refused one changes nothing.
    const edited = await panel
      .post(`/admin/api/resources/vacancies/records/${id}/edit`)
      .field('title', 'Senior sofa groomer')
      .field('active', 'true');
    expect(edited.body.notice).toMatchObject({ type: 'success' });
    expect(edited.body.record.params).toMatchObject({ title: 'Senior sofa groomer', description: 'Sofas', active: true });
    before = await state();
    const blank = await panel.post(`/admin/api/resources/vacancies/records/${id}/edit`).field('title', ' ');
    expect(blank.body.notice).toMatchObject({ type: 'error', message: expect.stringMatching(/title/) });
    expect(await state()).toEqual(before);
    expect((await auditOf(id)).slice(1)).toEqual([
      {
        action: 'vacancy.updated',
        actor_id: manager.id,
        before: { title: 'Sofa groomer', description: 'Sofas', active: false },
        after: { title: 'Senior sofa groomer', description: 'Sofas', active: true },
      },
    ]);

    // Attaching: an unknown test, an unknown vacancy or no choice is refused and writes nothing; a second attach is refused.
    const first = await newTest('Sofa basics');
    for (const [vacancy, test, message] of [
      [id, randomUUID(), /No such test/],
      [randomUUID(), first, /No such vacancy/],
      [id, '', /Choose the test/],
    ] as const) {
      const refused = await attach(vacancy, test);
      expect(refused.body.notice, `${vacancy} ${test}`).toMatchObject({ type: 'error', message: expect.stringMatching(message) });
    }
    expect(await state()).toEqual(before);
    const attached = await attach(id, first);
    expect(attached.body.notice).toMatchObject({ type: 'success' });
    const linkId = attached.body.record.params.id as string;
    expect(attached.body.record.params).toMatchObject({ vacancyId: id, testId: first });
    before = await state();
    expect((await attach(id, first)).body.notice).toMatchObject({ type: 'error', message: expect.stringMatching(/already attached/) });
    expect(await state()).toEqual(before);

    // Racing attaches of one test: one wins, one row, one audit entry.
    const second = await newTest('Sofa advanced');
    const raced = await Promise.all(Array.from({ length: 20 }, () => attach(id, second)));
    expect(raced.map((r) => r.status)).toEqual(raced.map(() => 200));
    expect(raced.filter((r) => r.body.notice?.type === 'success')).toHaveLength(1);
    expect(await vacancyTests(id)).toEqual([first, second].sort());
    expect((await auditOf(id)).filter((a) => a.action === 'vacancy.test_attached')).toEqual([
      { action: 'vacancy.test_attached', actor_id: manager.id, before: { testIds: [] }, after: { testIds: [first] } },
      { action: 'vacancy.test_attached', actor_id: manager.id, before: { testIds: [first] }, after: { testIds: [first, second].sort() } },
    ]);

    // A GET of any of these actions shows, and changes nothing.
    before = await state();
    for (const url of [
      '/admin/api/resources/vacancies/actions/new?title=Forged',
      `/admin/api/resources/vacancies/records/${id}/edit?title=Forged`,
      `/admin/api/resources/vacancy_tests/actions/new?vacancyId=${id}&testId=${first}`,
      `/admin/api/resources/vacancy_tests/records/${linkId}/delete`,
    ]) {
      const res = await panel.get(url);
      expect(res.status, url).toBeLessThan(500);
      expect(res.body.notice?.type, url).not.toBe('success');
    }
    expect(await state()).toEqual(before);

    // Detaching: audited with the vacancy's tests before and after; the list of the link's screen is shown.
    const detached = await panel.post(`/admin/api/resources/vacancy_tests/records/${linkId}/delete`);
    expect(detached.body.notice).toMatchObject({ type: 'success' });
    expect(detached.body.redirectUrl).toMatch(/\/resources\/vacancy_tests$/);
    expect(await vacancyTests(id)).toEqual([second]);
    expect((await auditOf(id)).at(-1)).toEqual({
      action: 'vacancy.test_detached',
      actor_id: manager.id,
      before: { testIds: [first, second].sort() },
      after: { testIds: [second] },
    });

    // Only managers and admins write vacancies, as before.
    const { agent: supplies } = await panelSession(t, ['supplies']);
    before = await state();
    expect((await supplies.post('/admin/api/resources/vacancies/actions/new').field('title', 'Forged')).status).toBe(403);
    expect(
      (await supplies.post('/admin/api/resources/vacancy_tests/actions/new').field('vacancyId', id).field('testId', first)).status,
    ).toBe(403);
    expect(await state()).toEqual(before);
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
