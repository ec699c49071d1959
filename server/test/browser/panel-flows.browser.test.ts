import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, signInToPanelPage } from '../helpers/browser.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { kitOfOrder, settle } from '../helpers/orders.ts';
import { applicationBody, solvedChallenge } from '../helpers/applications.ts';
import { codeSentTo } from '../helpers/mail.ts';
import { sql } from '../../src/platform/database.ts';
import { testPanel } from '../helpers/panel.ts';

// Screenshots of the queues: test artifacts (test-artifacts/, gitignored), refreshed each run.
const ARTIFACTS = path.resolve(import.meta.dirname, '../../../test-artifacts');

type User = { id: string; email: string; token: string };

/**
 * The managers' and supplies staff's flows through the admin panel in a
 * real browser (the npm Chromium, driven by playwright-core): each signs in
 * through the login form and works the screens as a person would; the API
 * then shows what changed. Each flow is also tried by a role that may not.
 */
describe('the admin panel in headless Chromium', { timeout: 90_000 }, () => {
  let t: TestPlatform;
  let baseUrl: string;
  let browser: Browser;
  let manager: User;
  let supplies: User;
  let client: User;
  // One browser context per user: signed in once, and the panel's bundles loaded once and then cached.
  const contexts: BrowserContext[] = [];
  const signedIn = new Map<string, Promise<BrowserContext>>();
  // The hiring test (4a) writes in the browser, for (4b) to assign.
  let testId: string;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await createTestPlatform({
      env: { REVIEW_SAMPLE_PERCENT: '0' },
      mountBeforeApi: testPanel(),
    });
    [baseUrl, browser, manager, supplies, client] = await Promise.all([
      t.listen(),
      launchChromium(),
      t.userWithRoles(['manager']),
      t.userWithRoles(['supplies']),
      t.userWithRoles(['client']),
    ]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
  });

  /** A signed-in page for one user; page errors (a TypeError in the panel's bundle …) are collected. */
  async function pageAs(user: User): Promise<{ page: Page; errors: string[]; missing: string[] }> {
    let session = signedIn.get(user.id);
    if (!session) {
      session = (async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'UTC' });
        // A step that cannot happen fails with its selector named, within the test's own time.
        context.setDefaultTimeout(15_000);
        contexts.push(context);
        const first = await context.newPage();
        await signInToPanelPage(first, baseUrl, user.email, 'test-password');
        await first.close();
        return context;
      })();
      signedIn.set(user.id, session);
    }
    const page = await (await session).newPage();
    const errors: string[] = [];
    const missing: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() === 404) missing.push(new URL(response.url()).pathname);
    });
    return { page, errors, missing };
  }

  const admin = (p: string) => `${baseUrl}/admin${p}`;

  /** The notice the panel shows after an action (AdminJS's toast). */
  async function notice(page: Page): Promise<string> {
    const toast = page.locator('[data-testid="notice-wrapper"]').last();
    await toast.waitFor();
    return (await toast.textContent()) ?? '';
  }

  /** Posts the open action's form and waits for the panel's answer to it. */
  async function submit(page: Page, button: string): Promise<void> {
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/api/')),
      page.locator(button).click(),
    ]);
  }

  async function serviceType(name: string): Promise<{ id: string }> {
    const res = await t.api
      .post('/v1/service-types')
      .set(as(manager))
      .send({ name, description: '', durationMinutes: 60, kitItems: [{ name: 'Feather duster', quantity: 1 }] })
      .expect(201);
    return res.body as { id: string };
  }

  async function serviceTypeNow(id: string): Promise<{ name: string; durationMinutes: number }> {
    const list = (await t.api.get('/v1/service-types?limit=100').set(as(manager)).expect(200)).body as {
      data: { id: string; name: string; durationMinutes: number }[];
    };
    return list.data.find((s) => s.id === id)!;
  }

  async function order(serviceTypeId: string, address: string): Promise<{ id: string }> {
    const startsAt = new Date(t.clock.now().getTime() + 2 * 24 * 60 * 60_000).toISOString();
    const res = await t.api.post('/v1/orders').set(as(client)).send({ serviceTypeId, startsAt, address }).expect(201);
    return res.body as { id: string };
  }

  it('the login page and every page speak Chorecat: no AdminJS welcome, no missing favicon', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const missing: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 404) missing.push(new URL(response.url()).pathname);
    });
    await page.goto(admin('/login'));
    await page.locator('input[name=email]').waitFor();
    const text = (await page.textContent('body')) ?? '';
    expect(text).not.toContain('AdminJS');
    expect(text).toContain('Chorecat');
    const favicon = await page.request.get(`${baseUrl}/favicon.ico`);
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()['content-type']).toMatch(/^image\//);
    await signInToPanelPage(page, baseUrl, manager.email, 'test-password');
    await page.locator('nav, [data-css="sidebar"], section').first().waitFor();
    expect(missing).toEqual([]);
  });

  it('(1) a manager edits a service type; supplies staff may not', async () => {
    const type = await serviceType('Sofa grooming');
    const { page, errors } = await pageAs(manager);
    await page.goto(admin(`/resources/service_types/records/${type.id}/edit`));
    await page.locator('input[name="durationMinutes"]').fill('90');
    await page.locator('input[name="name"]').fill('Sofa grooming, deluxe');
    await submit(page, '[data-testid="button-save"]');
    expect(await notice(page)).toContain('Service type saved.');
    expect(await serviceTypeNow(type.id)).toMatchObject({ name: 'Sofa grooming, deluxe', durationMinutes: 90 });
    expect(errors).toEqual([]);

    const other = await pageAs(supplies);
    const refused = await other.page.goto(admin(`/api/resources/service_types/records/${type.id}/edit`));
    expect(refused?.status()).toBe(403);
    await other.page.goto(admin(`/resources/service_types/records/${type.id}/edit`));
    expect(await other.page.locator('[data-testid="button-save"]').count()).toBe(0);
    expect((await serviceTypeNow(type.id)).durationMinutes).toBe(90);
  });

  it('(2) a manager edits and cancels an order, giving the reason; a finished order offers neither', async () => {
    const type = await serviceType('Curtain climbing repair');
    const open = await order(type.id, '1 Whisker Way');
    const done = await order(type.id, '2 Whisker Way');
    // A finished order: its client cancelled it.
    await t.api.post(`/v1/orders/${done.id}/cancel`).set(as(client)).send({}).expect(200);
    const { page, errors } = await pageAs(manager);

    await page.goto(admin(`/resources/orders/records/${done.id}/show`));
    await page.locator('text=2 Whisker Way').first().waitFor();
    expect(await page.locator('[data-testid="action-edit"]').count()).toBe(0);
    expect(await page.locator('[data-testid="action-cancelOrder"]').count()).toBe(0);

    await page.goto(admin(`/resources/orders/records/${open.id}/show`));
    await page.locator('[data-testid="action-edit"]').first().click();
    await page.locator('textarea[name="description"], [id="description"]').first().fill('Mind the fern');
    await page.locator('input[name="address"]').fill('1 Whisker Way, back door');
    await submit(page, '[data-testid="button-save"]');
    expect(await notice(page)).toContain('Order edited.');
    let view = (await t.api.get(`/v1/orders/${open.id}`).set(as(manager)).expect(200)).body as {
      address: string;
      description: string;
      status: string;
    };
    expect(view).toMatchObject({ address: '1 Whisker Way, back door', description: 'Mind the fern' });

    await page.goto(admin(`/resources/orders/records/${open.id}/show`));
    await page.locator('[data-testid="action-cancelOrder"]').first().click();
    await page.locator('[name="reason"]').fill('The client moved house');
    await submit(page, '[data-action-form="cancelOrder"] button[type="submit"]');
    expect(await notice(page)).toContain('Order cancelled.');
    view = (await t.api.get(`/v1/orders/${open.id}`).set(as(manager)).expect(200)).body;
    expect(view.status).toBe('cancelled');
    const timeline = (await t.api.get(`/v1/orders/${open.id}/timeline`).set(as(manager)).expect(200)).body as {
      data: { event: string; reason: string | null }[];
    };
    expect(timeline.data.find((e) => e.event === 'cancel')?.reason).toBe('The client moved house');
    // Now cancelled: neither is offered any more.
    await page.goto(admin(`/resources/orders/records/${open.id}/show`));
    await page.locator('text=cancelled').first().waitFor();
    expect(await page.locator('[data-testid="action-edit"]').count()).toBe(0);
    expect(await page.locator('[data-testid="action-cancelOrder"]').count()).toBe(0);
    expect(errors).toEqual([]);

    // Supplies staff have no orders screen.
    const other = await pageAs(supplies);
    const refused = await other.page.request.post(admin(`/api/resources/orders/records/${done.id}/cancelOrder`), {
      headers: { origin: new URL(baseUrl).origin },
      multipart: { reason: 'no' },
    });
    expect(refused.status()).toBe(403);
  });

  it('(3) supplies staff pack a kit and mark it ready; open kits come first in the queue', async () => {
    const type = await serviceType('Scratching post assembly');
    const first = await order(type.id, '3 Whisker Way');
    const second = await order(type.id, '4 Whisker Way');
    await settle(t);
    const kit = (await kitOfOrder(t, first.id))!;
    const finished = (await kitOfOrder(t, second.id))!;
    expect(await t.supplier.deliver(kit.cookie_supplier_order_id!)).toBe(200);
    expect(await t.supplier.deliver(finished.cookie_supplier_order_id!)).toBe(200);
    await t.api.post(`/v1/kits/${finished.id}/pack`).set(as(supplies)).send({}).expect(200);
    await t.api.post(`/v1/kits/${finished.id}/ready`).set(as(supplies)).expect(200);
    // The finished kit's order starts first: a queue by start alone would list it above the open one.
    await t.db.sequelize.query("UPDATE kits SET order_starts_at = order_starts_at - interval '1 hour' WHERE id = $1", {
      bind: [finished.id],
    });

    const { page, errors } = await pageAs(supplies);
    await page.goto(admin('/resources/kits'));
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-kits-queue.png'), fullPage: true });
    const statuses = (await rows.allTextContents()).map((row) => /(Open|Assembling|Ready|Cancelled)/.exec(row)?.[1]);
    const firstDone = statuses.findIndex((s) => s === 'Ready' || s === 'Cancelled');
    const lastOpen = statuses.map((s) => s === 'Open' || s === 'Assembling').lastIndexOf(true);
    expect(firstDone).toBeGreaterThan(-1);
    expect(lastOpen).toBeLessThan(firstDone);

    await page.goto(admin(`/resources/kits/records/${kit.id}/show`));
    await page.locator('[data-testid="action-pack"]').first().click();
    await submit(page, '[data-action-form="pack"] button[type="submit"]');
    expect(await notice(page)).toContain('Every item is packed.');
    await page.goto(admin(`/resources/kits/records/${kit.id}/show`));
    await page.locator('[data-testid="action-ready"]').first().click();
    await submit(page, '[data-action-form="ready"] button[type="submit"]');
    expect(await notice(page)).toContain('Kit ready');
    const view = (await t.api.get(`/v1/kits/${kit.id}`).set(as(supplies)).expect(200)).body as { status: string };
    expect(view.status).toBe('ready');
    expect(errors).toEqual([]);

    // A client is no panel user at all: the login form refuses them.
    const context = await browser.newContext();
    contexts.push(context);
    const clientPage = await context.newPage();
    await clientPage.goto(admin('/login'));
    await clientPage.fill('input[name=email]', client.email);
    await clientPage.fill('input[name=password]', 'test-password');
    await Promise.all([clientPage.waitForLoadState('load'), clientPage.press('input[name=password]', 'Enter')]);
    expect(new URL(clientPage.url()).pathname).toBe('/admin/login');
  });

  it('(4a) a manager writes a new test in the browser, its right choices numbered from 1, and an applicant can take it', async () => {
    const { page, errors } = await pageAs(manager);
    await page.goto(admin('/resources/hiring_tests/actions/new'));
    await page.locator('input[name="title"]').fill('Yarn safety');
    await page.locator('input[name="passMark"]').fill('100');
    await page.locator('input[name="timeLimitMinutes"]').fill('10');
    await page.locator('input[name="maxAttempts"]').fill('2');
    const questions = [
      { text: 'What is yarn for?', choices: ['Eating', 'Playing', 'Knitting'], right: 2 },
      { text: 'Where does yarn go after play?', choices: ['Under the sofa', 'In its basket'], right: 2 },
    ];
    for (const [q, question] of questions.entries()) {
      await page.locator('[data-testid="questions-add"]').click();
      await page.locator(`input[name="questions.${q}.text"]`).fill(question.text);
      for (const [c, choice] of question.choices.entries()) {
        // Typed, then straight to "Add new item": the click must add the next input, as a person works the form.
        await page.locator(`[data-testid="questions.${q}.choices-add"]`).click();
        await page.locator(`input[name="questions.${q}.choices.${c}"]`).fill(choice);
      }
      await page.locator(`input[name="questions.${q}.correct"]`).fill(String(question.right));
    }
    await submit(page, '[data-testid="button-save"]');
    expect(await notice(page)).toContain('Test created.');
    const [stored] = await sql<{ id: string; questions: { text: string; choices: string[]; correct: number }[] }>(
      t.db,
      "SELECT id, questions FROM hiring_tests WHERE title = 'Yarn safety'",
    );
    // Stored from 0, as the use case counts: the form's "2" is the second choice.
    expect(stored!.questions).toEqual(questions.map((q) => ({ text: q.text, choices: q.choices, correct: q.right - 1 })));
    testId = stored!.id;

    // Usable: attached to a vacancy in the panel, it is assigned to the next applicant, who takes it and passes.
    const { createVacancy } = await import('../../src/modules/hiring/application/create-vacancy.ts');
    const hiring = { kernel: t.platform.kernel } as Parameters<typeof createVacancy>[0];
    const vacancy = (await createVacancy(hiring, {
      actor: { id: manager.id, roles: ['manager'] },
      values: { title: 'Yarn keeper', description: 'Balls of yarn, kept safe', active: true },
    })) as { id: string };
    await page.goto(admin('/resources/vacancy_tests/actions/new'));
    await chooseReference(page, 'vacancyId', 'Yarn keeper');
    await chooseReference(page, 'testId', 'Yarn safety');
    await submit(page, '[data-testid="button-save"]');
    expect(await notice(page)).toContain('Test attached');
    const body = applicationBody(vacancy.id);
    const application = (
      await t.api
        .post('/v1/applications')
        .send({ ...body, challenge: await solvedChallenge(t) })
        .expect(201)
    ).body as { id: string };
    const code = await codeSentTo(t.db, body.email, 'application-received');
    await t.api.post('/v1/auth/password/reset').send({ email: body.email, code, newPassword: 'applicant-password' }).expect(204);
    const applicant = (await t.api.post('/v1/auth/login').send({ email: body.email, password: 'applicant-password' }).expect(200)).body as {
      accessToken: string;
    };
    const asApplicant = { authorization: `Bearer ${applicant.accessToken}` };
    const view = (await t.api.get(`/v1/applications/${application.id}`).set(asApplicant).expect(200)).body as {
      tests: { id: string; title: string }[];
    };
    expect(view.tests.map((a) => a.title)).toEqual(['Yarn safety']);
    const attempts = `/v1/applications/${application.id}/tests/${view.tests[0]!.id}/attempts`;
    const attempt = (await t.api.post(attempts).set(asApplicant).expect(201)).body as {
      id: string;
      questions: { text: string; choices: string[] }[];
    };
    expect(attempt.questions).toEqual(questions.map((q) => expect.objectContaining({ text: q.text, choices: q.choices })));
    const result = await t.api
      .post(`${attempts}/${attempt.id}/answers`)
      .set(asApplicant)
      .send({ answers: questions.map((q) => q.right - 1) })
      .expect(200);
    expect(result.body).toMatchObject({ passed: true, score: 100 });

    // Its form numbers the choices from 1, as they were written: the second is "2"; choosing the third saves index 2.
    await page.goto(admin(`/resources/hiring_tests/records/${testId}/edit`));
    const correct = page.locator('input[name="questions.0.correct"]');
    await page.locator('input[name="questions.0.choices.2"]').waitFor();
    expect(await correct.inputValue()).toBe('2');
    await correct.fill('3');
    await submit(page, '[data-testid="button-save"]');
    expect(await notice(page)).toContain('Test saved.');
    const [edited] = await sql<{ questions: { correct: number }[] }>(t.db, 'SELECT questions FROM hiring_tests WHERE id = $1', [testId]);
    expect(edited!.questions[0]!.correct).toBe(2);
    expect(errors).toEqual([]);

    // Supplies staff may not write tests.
    const other = await pageAs(supplies);
    const refused = await other.page.request.post(admin('/api/resources/hiring_tests/actions/new'), {
      headers: { origin: new URL(baseUrl).origin },
      multipart: { title: 'Forged', passMark: '1', timeLimitMinutes: '1', maxAttempts: '1' },
    });
    expect(refused.status()).toBe(403);
  });

  it('(4b) a manager makes a vacancy, assigns a test with Create new, sees scores in the queue and hires; the toast shows the worker code', async () => {
    const { page, errors } = await pageAs(manager);
    // A vacancy, through the panel's form.
    await page.goto(admin('/resources/vacancies/actions/new'));
    await page.locator('input[name="title"]').fill('Night shift mouser');
    await page.locator('textarea[name="description"]').fill('Nights, mostly');
    await submit(page, '[data-testid="button-save"]');
    expect(await notice(page)).toContain('Vacancy created.');
    const vacancy = ((await t.api.get('/v1/vacancies').expect(200)).body as { data: { id: string; title: string }[] }).data.find(
      (v) => v.title === 'Night shift mouser',
    )!;
    const apply = async () => {
      const body = applicationBody(vacancy.id);
      const res = await t.api
        .post('/v1/applications')
        .send({ ...body, challenge: await solvedChallenge(t) })
        .expect((r) => expect(r.status, JSON.stringify(r.body)).toBe(201));
      return { id: (res.body as { id: string }).id, name: body.name };
    };
    const [tested, hired] = [await apply(), await apply()];

    // Assign it to the first applicant with "Create new" on Test Assignments.
    await page.goto(admin('/resources/test_assignments/actions/new'));
    await chooseReference(page, 'applicationId', tested.name);
    await chooseReference(page, 'testId', 'Yarn safety');
    await submit(page, '[data-testid="button-save"]');
    expect(await notice(page)).toContain('Test assigned');
    await page.waitForURL((url) => !url.pathname.endsWith('/new'));
    const assigned = (await t.api.get(`/v1/applications/${tested.id}`).set(as(manager)).expect(200)).body as {
      tests: { id: string; testId: string }[];
    };
    expect(assigned.tests.map((a) => a.testId)).toEqual([testId]);
    // The form made the assignment and the panel shows it (it used to stay on the form with a TypeError).
    expect(page.url()).toContain(`/records/${assigned.tests[0]!.id}/show`);

    // The queue shows scores and who is ready to hire.
    await page.goto(admin('/resources/applications'));
    await page.locator('table tbody tr').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-applications-queue.png'), fullPage: true });
    expect(await page.locator('table thead').textContent()).toMatch(/ready to hire/i);
    const cells = (name: string) => page.locator('table tbody tr', { hasText: name }).locator('td').allTextContents();
    expect(await cells(tested.name)).toEqual(expect.arrayContaining(['Yarn safety: not taken (assigned)', 'no']));
    expect(await cells(hired.name)).toEqual(expect.arrayContaining(['(none assigned)', 'yes']));

    // Hire the second (no tests assigned): the toast names the worker code.
    await page.goto(admin(`/resources/applications/records/${hired.id}/show`));
    await page.locator('[data-testid="action-hire"]').first().click();
    await submit(page, '[data-action-form="hire"] button[type="submit"]');
    const toast = await notice(page);
    const app = (await t.api.get(`/v1/applications/${hired.id}`).set(as(manager)).expect(200)).body as {
      status: string;
      workerCode: string;
    };
    expect(app.status).toBe('hired');
    expect(toast).toContain(app.workerCode);
    expect(errors).toEqual([]);

    // Supplies staff may not hire.
    const other = await pageAs(supplies);
    const refused = await other.page.request.post(admin(`/api/resources/applications/records/${tested.id}/hire`), {
      headers: { origin: new URL(baseUrl).origin },
      multipart: {},
    });
    expect(refused.status()).toBe(403);
  });

  it('(5) a manager rewards a worker from the worker’s page; supplies staff may not', async () => {
    // A hired worker (with a profile, where the panel's Reward… is), through the use cases.
    const { createVacancy } = await import('../../src/modules/hiring/application/create-vacancy.ts');
    const hiring = { kernel: t.platform.kernel } as Parameters<typeof createVacancy>[0];
    const vacancy = (await createVacancy(hiring, {
      actor: { id: manager.id, roles: ['manager'] },
      values: { title: 'Day shift mouser', description: 'Days', active: true },
    })) as { id: string };
    const application = (
      await t.api
        .post('/v1/applications')
        .send({ ...applicationBody(vacancy.id), challenge: await solvedChallenge(t) })
        .expect(201)
    ).body as { id: string };
    const hired = (await t.api.post(`/v1/applications/${application.id}/hire`).set(as(manager)).send({}).expect(200)).body as {
      workerId: string;
    };
    const workerId = hired.workerId;
    const rewards = async () =>
      ((await t.api.get(`/v1/earnings?workerId=${workerId}`).set(as(manager)).expect(200)).body as { rewards: string }).rewards;
    const before = await rewards();

    const { page, errors } = await pageAs(manager);
    await page.goto(admin(`/resources/worker_profiles/records/${workerId}/show`));
    await page.locator('[data-testid="action-reward"]').first().click();
    await page.locator('[name="amount"]').fill('25.00');
    await page.locator('[name="reason"]').fill('Caught the office mouse');
    await submit(page, '[data-action-form="reward"] button[type="submit"]');
    expect(await notice(page)).toContain('Reward granted');
    await page.waitForURL((url) => url.pathname.endsWith('/resources/rewards'));
    await page.locator('table tbody tr', { hasText: 'Caught the office mouse' }).waitFor();
    expect(await rewards()).toBe((Number(before) + 25).toFixed(2));
    expect(errors).toEqual([]);

    // Supplies staff may not: the action is refused, nothing granted.
    const other = await pageAs(supplies);
    const refused = await other.page.request.post(admin(`/api/resources/worker_profiles/records/${workerId}/reward`), {
      headers: { origin: new URL(baseUrl).origin },
      multipart: { amount: '25.00', reason: 'Forged' },
    });
    expect(refused.status()).toBe(403);
    expect(await rewards()).toBe((Number(before) + 25).toFixed(2));
  });

  // Last: it moves the clock to the month's end, where statements are issued and paid out.
  it('(6) a manager sends a failed payout again; supplies staff may not', async () => {
    const worker = await t.userWithRoles(['worker']);
    const now = t.clock.now();
    await t.db.sequelize.query(
      "INSERT INTO worker_outcomes (order_id, worker_id, outcome, price_cents, at) VALUES (gen_random_uuid(), $1, 'completed', 10000, $2)",
      { bind: [worker.id, new Date(now.getTime() + 60_000)] },
    );
    const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 8));
    await t.api.post('/v1/sandbox/clock').set(as(manager)).send({ advanceTo: monthEnd.toISOString() }).expect(200);
    const [payout] = await sql<{ id: string; provider_payout_id: string }>(
      t.db,
      'SELECT id, provider_payout_id FROM payouts WHERE worker_id = $1',
      [worker.id],
    );
    // Golden Hat fails it: pending again, waiting for its next try.
    await t.goldenHat.settle(payout!.provider_payout_id, 'failed', 'account frozen');
    const payoutNow = async () => (await t.api.get(`/v1/payouts/${payout!.id}`).set(as(manager)).expect(200)).body as { status: string };
    expect((await payoutNow()).status).toBe('pending');

    const { page, errors } = await pageAs(manager);
    await page.goto(admin('/resources/payouts'));
    await page.locator('table tbody tr').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-payouts-queue.png'), fullPage: true });
    await page.goto(admin(`/resources/payouts/records/${payout!.id}/show`));
    await page.locator('[data-testid="action-retry"]').first().click();
    await submit(page, '[data-action-form="retry"] button[type="submit"]');
    expect(await notice(page)).toContain('Payout sent again.');
    expect((await payoutNow()).status).toBe('processing');
    // Sent: nothing more to retry, so it is no longer offered.
    await page.locator('text=Processing').first().waitFor();
    expect(await page.locator('[data-testid="action-retry"]').count()).toBe(0);
    expect(errors).toEqual([]);

    const other = await pageAs(supplies);
    const refused = await other.page.request.post(admin(`/api/resources/payouts/records/${payout!.id}/retry`), {
      headers: { origin: new URL(baseUrl).origin },
      multipart: {},
    });
    expect(refused.status()).toBe(403);
  });
});

/** Picks a record in a reference field (AdminJS's searchable select) by typing part of its title. */
async function chooseReference(page: Page, property: string, search: string): Promise<void> {
  const field = page.locator(`[data-testid="property-edit-${property}"]`);
  await field.locator('input').first().fill(search);
  await field.locator('[class*="option"]').first().click();
}
