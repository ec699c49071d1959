import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type supertest from 'supertest';
import { sql } from '../../../platform/database.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { signedInPanel, testPanel } from '../../../../test/helpers/panel.ts';
import { OrderDriver, DAY } from '../../../../test/helpers/order-driver.ts';
import { seedDemoReviewForms } from '../application/seed-demo-forms.ts';

/** Quality's panel screens drive the same use cases as the API, audited; supplies staff never see them. */
describe('quality in the admin panel', () => {
  let t: TestPlatform;
  let d: OrderDriver;
  let panel: supertest.Agent;
  let manager: { id: string; email: string };
  beforeAll(async () => {
    t = await createTestPlatform({
      mountBeforeApi: testPanel(),
    });
    d = new OrderDriver(t);
    await d.setUp();
    await seedDemoReviewForms(t.platform.kernel);
    manager = await t.userWithRoles(['manager']);
    panel = await signedInPanel(t, manager.email);
  });
  afterAll(() => t.close());

  it('opens a review from an order, shows the case, and records the result from a form built from its version', async () => {
    const orderId = await d.createOrder(new Date(d.now().getTime() + 3 * DAY));
    await d.deliver();
    const opened = await panel.post(`/admin/api/resources/orders/records/${orderId}/openReview`);
    expect(opened.body.notice, JSON.stringify(opened.body)).toMatchObject({ type: 'success' });
    const [review] = await sql<{ id: string; reason: string }>(t.db, 'SELECT id, reason FROM reviews WHERE order_id = $1', [orderId]);
    expect(review!.reason).toBe('manual');
    expect(opened.body.redirectUrl).toContain(`/admin/resources/reviews/records/${review!.id}/dossier`);

    const list = await panel.get('/admin/api/resources/reviews/actions/list');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.records.map((r: { id: string }) => r.id)).toContain(review!.id);

    const dossier = await panel.get(`/admin/api/resources/reviews/records/${review!.id}/dossier`);
    expect(dossier.status).toBe(200);
    const view = JSON.parse(dossier.body.record.params.dossier);
    expect(view).toMatchObject({ id: review!.id, order: { id: orderId }, kit: { orderId } });
    expect(view.timeline.map((e: { event: string }) => e.event)).toContain('created');

    // The form's questions travel with the record, for the panel's form to ask.
    const form = await panel.get(`/admin/api/resources/reviews/records/${review!.id}/fillIn`);
    expect(form.body.record.params['formFields.0.key']).toBe('whatHappened');
    expect(form.body.record.params.formName).toBe('Standard review');

    const refused = await panel
      .post(`/admin/api/resources/reviews/records/${review!.id}/fillIn`)
      .field('answers.whatHappened', '')
      .field('answers.clientCalled', 'yes')
      .field('answers.rating', '')
      .field('verdict', 'confirmed');
    expect(refused.body.notice).toMatchObject({ type: 'error', message: expect.stringContaining('answers/whatHappened: is required') });
    // The API's contract caps the call's notes at 5,000 characters; the panel reaches the use case without it, so the use case does.
    const tooLong = await panel
      .post(`/admin/api/resources/reviews/records/${review!.id}/fillIn`)
      .field('answers.whatHappened', 'Fine')
      .field('answers.clientCalled', 'yes')
      .field('verdict', 'confirmed')
      .field('clientFeedback', 'x'.repeat(5001));
    expect(tooLong.body.notice).toMatchObject({ type: 'error', message: expect.stringContaining('clientFeedback: must be at most 5000') });
    expect((await sql<{ status: string }>(t.db, 'SELECT status FROM reviews WHERE id = $1', [review!.id]))[0]!.status).toBe('open');
    const done = await panel
      .post(`/admin/api/resources/reviews/records/${review!.id}/fillIn`)
      .field('answers.whatHappened', 'Checked with the client: all fine.')
      .field('answers.clientCalled', 'yes')
      .field('answers.rating', '4')
      .field('answers.fineJustified', '')
      .field('verdict', 'confirmed')
      .field('clientFeedback', 'Happy so far')
      .field('refundClient', 'no');
    expect(done.body.notice, JSON.stringify(done.body)).toMatchObject({ type: 'success' });
    expect(
      await sql(t.db, 'SELECT status, verdict, answers, client_feedback, reviewer_id FROM reviews WHERE id = $1', [review!.id]),
    ).toEqual([
      {
        status: 'done',
        verdict: 'confirmed',
        answers: { whatHappened: 'Checked with the client: all fine.', clientCalled: true, rating: 4 },
        client_feedback: 'Happy so far',
        reviewer_id: manager.id,
      },
    ]);
    expect(await sql(t.db, "SELECT 1 FROM audit_log WHERE action = 'review.completed' AND actor_id = $1", [manager.id])).toHaveLength(1);
    // Done: a second result is refused, in the panel as in the API.
    const again = await panel
      .post(`/admin/api/resources/reviews/records/${review!.id}/fillIn`)
      .field('answers.whatHappened', 'again')
      .field('answers.clientCalled', 'no')
      .field('verdict', 'overturned');
    expect(again.body.notice).toMatchObject({ type: 'error', message: expect.stringContaining('is done') });
  });

  it('designs forms: a new form is version 1, an edit saves version 2, both audited', async () => {
    const created = await panel
      .post('/admin/api/resources/review_forms/actions/new')
      .field('name', 'Kit check')
      .field('fields.0.key', 'kitComplete')
      .field('fields.0.label', 'Was the kit complete')
      .field('fields.0.type', 'yesno')
      .field('fields.0.required', 'true')
      .field('fields.1.key', 'missing')
      .field('fields.1.label', 'What was missing')
      .field('fields.1.type', 'choice')
      .field('fields.1.required', 'false')
      .field('fields.1.options.0', 'cookie')
      .field('fields.1.options.1', 'litter');
    expect(created.body.notice, JSON.stringify(created.body)).toMatchObject({ type: 'success' });
    const [form] = await sql<{ id: string }>(t.db, "SELECT id FROM review_forms_current WHERE name = 'Kit check'");
    const bad = await panel
      .post(`/admin/api/resources/review_forms/records/${form!.id}/edit`)
      .field('name', 'Kit check')
      .field('fields.0.key', 'kitComplete')
      .field('fields.0.label', 'Was the kit complete')
      .field('fields.0.type', 'choice')
      .field('fields.0.required', 'true');
    expect(bad.body.notice).toMatchObject({ type: 'error', message: expect.stringContaining('fields/0/options') });
    const edited = await panel
      .post(`/admin/api/resources/review_forms/records/${form!.id}/edit`)
      .field('name', 'Kit check')
      .field('fields.0.key', 'kitComplete')
      .field('fields.0.label', 'Was the whole kit there')
      .field('fields.0.type', 'yesno')
      .field('fields.0.required', 'true');
    expect(edited.body.notice).toMatchObject({ type: 'success' });
    expect(await sql(t.db, 'SELECT version, fields FROM review_form_versions WHERE form_id = $1 ORDER BY version', [form!.id])).toEqual([
      {
        version: 1,
        fields: [
          { key: 'kitComplete', label: 'Was the kit complete', type: 'yesno', required: true },
          { key: 'missing', label: 'What was missing', type: 'choice', required: false, options: ['cookie', 'litter'] },
        ],
      },
      { version: 2, fields: [{ key: 'kitComplete', label: 'Was the whole kit there', type: 'yesno', required: true }] },
    ]);
    expect(
      (await sql<{ action: string }>(t.db, 'SELECT action FROM audit_log WHERE target_id = $1 ORDER BY at, id', [form!.id])).map(
        (r) => r.action,
      ),
    ).toEqual(['review_form.created', 'review_form.edited']);
    const list = await panel.get('/admin/api/resources/review_forms/actions/list');
    expect(list.status).toBe(200);
  });

  it('refuses a NUL or a lone surrogate in any panel form field (400), saving nothing: not a 500, not mangled text', async () => {
    const forms = async () => Number((await sql<{ n: string }>(t.db, 'SELECT count(*)::text AS n FROM review_form_versions'))[0]!.n);
    const before = await forms();
    const label = await panel
      .post('/admin/api/resources/review_forms/actions/new')
      .field('name', 'Nul check')
      .field('fields.0.key', 'a')
      .field('fields.0.label', 'Label\u0000')
      .field('fields.0.type', 'text')
      .field('fields.0.required', 'true');
    expect(label.status, JSON.stringify(label.body)).toBe(400);
    expect(label.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(label.body).toMatchObject({ code: 'VALIDATION.FAILED', errors: [{ path: 'fields.0.label' }] });
    const name = await panel
      .post('/admin/api/resources/review_forms/actions/new')
      .type('form')
      .send({ name: 'Nul\u0000name', 'fields.0.key': 'a', 'fields.0.label': 'A', 'fields.0.type': 'text', 'fields.0.required': 'true' });
    expect(name.status, JSON.stringify(name.body)).toBe(400);
    expect(name.body.code).toBe('VALIDATION.FAILED');
    const surrogate = await panel
      .post('/admin/api/resources/review_forms/actions/new')
      .set('content-type', 'application/json')
      .send('{"name":"Lone \\ud800","fields.0.key":"a","fields.0.label":"A","fields.0.type":"text","fields.0.required":"true"}');
    expect(surrogate.status, JSON.stringify(surrogate.body)).toBe(400);
    expect(surrogate.body.code).toBe('VALIDATION.FAILED');
    expect(await forms()).toBe(before);

    const orderId = await d.createOrder(new Date(d.now().getTime() + 4 * DAY));
    await d.deliver();
    await panel.post(`/admin/api/resources/orders/records/${orderId}/openReview`).expect(200);
    const [review] = await sql<{ id: string }>(t.db, 'SELECT id FROM reviews WHERE order_id = $1', [orderId]);
    const feedback = await panel
      .post(`/admin/api/resources/reviews/records/${review!.id}/fillIn`)
      .field('verdict', 'confirmed')
      .field('clientFeedback', 'Said\u0000nothing')
      .field('answers.whatHappened', 'Fine')
      .field('answers.clientCalled', 'yes');
    expect(feedback.status, JSON.stringify(feedback.body)).toBe(400);
    expect(feedback.body).toMatchObject({ code: 'VALIDATION.FAILED', errors: [{ path: 'clientFeedback' }] });
    expect((await sql<{ status: string }>(t.db, 'SELECT status FROM reviews WHERE id = $1', [review!.id]))[0]!.status).toBe('open');
  });

  it('keeps supplies staff out of quality screens', async () => {
    const supplies = await t.userWithRoles(['supplies']);
    const staff = await signedInPanel(t, supplies.email);
    expect((await staff.get('/admin/api/resources/reviews/actions/list')).status).toBe(403);
    expect((await staff.get('/admin/api/resources/review_forms/actions/list')).status).toBe(403);
  });
});
