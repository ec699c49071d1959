import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import supertest from 'supertest';
import { sql } from '../../../platform/database.ts';
import { seedDemoCatalog, DEMO_SERVICE_TYPES } from '../index.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { testPanel } from '../../../../test/helpers/panel.ts';

describe('catalog: service types', () => {
  let t: TestPlatform;
  let manager: { id: string; token: string; email: string };
  let client: { token: string };

  beforeAll(async () => {
    t = await createTestPlatform({
      mountBeforeApi: testPanel(),
    });
    manager = await t.userWithRoles(['manager']);
    client = await t.userWithRoles(['client']);
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown>, token = manager.token) =>
    t.api.post('/v1/service-types').set('authorization', `Bearer ${token}`).send(body);

  it('lets a manager create a type, merging repeated kit items, audited', async () => {
    const res = await create({
      name: 'Whisker trim',
      description: 'Neat and tidy.',
      durationMinutes: 30,
      kitItems: [
        { name: 'Scissors', quantity: 1 },
        { name: ' scissors ', quantity: 1 },
        { name: 'Towel', quantity: 2 },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/service-types/${res.body.id}`);
    expect(res.body).toMatchObject({
      name: 'Whisker trim',
      durationMinutes: 30,
      active: true,
      kitItems: [
        { name: 'Scissors', quantity: 2 },
        { name: 'Towel', quantity: 2 },
      ],
    });
    const audit = await sql<{ actor_id: string }>(
      t.db,
      "SELECT actor_id FROM audit_log WHERE action = 'service_type.created' AND target_id = $1",
      [res.body.id],
    );
    expect(audit).toEqual([{ actor_id: manager.id }]);
  });

  it('refuses duplicate names (any case), bad durations at their boundaries, and non-managers', async () => {
    expect((await create({ name: 'WHISKER TRIM', description: '', durationMinutes: 30 })).body.code).toBe('CATALOG.NAME_TAKEN');
    expect((await create({ name: 'Quick', description: '', durationMinutes: 14 })).status).toBe(400);
    expect((await create({ name: 'Quick', description: '', durationMinutes: 15 })).status).toBe(201);
    expect((await create({ name: 'Long', description: '', durationMinutes: 721 })).status).toBe(400);
    expect((await create({ name: 'Long', description: '', durationMinutes: 720 })).status).toBe(201);
    expect((await create({ name: 'Nope', description: '', durationMinutes: 60 }, client.token)).status).toBe(403);
    expect((await t.api.post('/v1/service-types').send({ name: 'Anon', description: '', durationMinutes: 60 })).status).toBe(401);
    expect((await create({ name: 'Bad kit', description: '', durationMinutes: 60, kitItems: [{ name: 'X', quantity: 0 }] })).status).toBe(
      400,
    );
  });

  it('updates a type, keeps names unique, and hides inactive types from everyone but staff who ask', async () => {
    const type = (await create({ name: 'Fish tank watch', description: '', durationMinutes: 60 })).body;
    const renamed = await t.api
      .patch(`/v1/service-types/${type.id}`)
      .set('authorization', `Bearer ${manager.token}`)
      .send({ name: 'Aquarium watch', active: false });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Aquarium watch', active: false });
    const clash = await t.api
      .patch(`/v1/service-types/${type.id}`)
      .set('authorization', `Bearer ${manager.token}`)
      .send({ name: 'whisker trim' });
    expect(clash.body.code).toBe('CATALOG.NAME_TAKEN');
    const missing = await t.api
      .patch('/v1/service-types/00000000-0000-4000-8000-000000000000')
      .set('authorization', `Bearer ${manager.token}`)
      .send({ active: true });
    expect(missing.status).toBe(404);
    const empty = await t.api.patch(`/v1/service-types/${type.id}`).set('authorization', `Bearer ${manager.token}`).send({});
    expect(empty.status).toBe(400);

    const publicList = await t.api.get('/v1/service-types?limit=100');
    expect(publicList.status).toBe(200);
    expect(publicList.body.data.map((s: { name: string }) => s.name)).not.toContain('Aquarium watch');
    const clientAsks = await t.api.get('/v1/service-types?limit=100&includeInactive=true').set('authorization', `Bearer ${client.token}`);
    expect(clientAsks.body.data.map((s: { name: string }) => s.name)).not.toContain('Aquarium watch');
    const staffAsks = await t.api.get('/v1/service-types?limit=100&includeInactive=true').set('authorization', `Bearer ${manager.token}`);
    expect(staffAsks.body.data.map((s: { name: string }) => s.name)).toContain('Aquarium watch');
    const audit = await sql<{ before: { name: string }; after: { name: string } }>(
      t.db,
      "SELECT before, after FROM audit_log WHERE action = 'service_type.updated' AND target_id = $1",
      [type.id],
    );
    expect(audit.map((a) => [a.before.name, a.after.name])).toEqual([['Fish tank watch', 'Aquarium watch']]);
  });

  it('pages through the list', async () => {
    const first = await t.api.get('/v1/service-types?limit=2');
    expect(first.body.data).toHaveLength(2);
    const second = await t.api.get(`/v1/service-types?limit=2&cursor=${first.body.nextCursor}`);
    const ids = [...first.body.data, ...second.body.data].map((s: { id: string }) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('seeds the demo catalog once', async () => {
    const created = await seedDemoCatalog(t.platform.kernel);
    expect(created).toEqual(DEMO_SERVICE_TYPES.map((s) => s.name));
    expect(await seedDemoCatalog(t.platform.kernel)).toEqual([]);
  });

  it('lets a manager create and edit a type in the admin panel through the same rules', async () => {
    // As a browser on the panel's own pages: same-origin requests (the panel refuses state changes from elsewhere).
    const agent = supertest.agent(t.platform.app).set('origin', new URL(t.config.publicUrl).origin);
    await agent.post('/admin/login').type('form').send({ email: manager.email, password: 'test-password' }).expect(302);
    const created = await agent
      .post('/admin/api/resources/service_types/actions/new')
      .field('name', 'Bird watching escort')
      .field('description', 'Company at the window.')
      .field('durationMinutes', '45')
      .field('active', 'true')
      .field('kitItems.0.name', 'Binoculars')
      .field('kitItems.0.quantity', '1');
    expect(created.body.notice).toMatchObject({ type: 'success' });
    const [row] = await sql<{ id: string; duration_minutes: number; kit_items: unknown }>(
      t.db,
      "SELECT id, duration_minutes, kit_items FROM service_types WHERE name = 'Bird watching escort'",
    );
    expect(row).toMatchObject({ duration_minutes: 45, kit_items: [{ name: 'Binoculars', quantity: 1 }] });
    const duplicate = await agent
      .post('/admin/api/resources/service_types/actions/new')
      .field('name', 'bird watching escort')
      .field('durationMinutes', '45');
    expect(duplicate.body.notice).toMatchObject({ type: 'error', message: expect.stringMatching(/already exists/) });
    const tooShort = await agent.post(`/admin/api/resources/service_types/records/${row!.id}/edit`).field('durationMinutes', '5');
    expect(tooShort.body.notice).toMatchObject({ type: 'error' });
    const edited = await agent.post(`/admin/api/resources/service_types/records/${row!.id}/edit`).field('durationMinutes', '50');
    expect(edited.body.notice).toMatchObject({ type: 'success' });
    const audit = await sql(t.db, "SELECT 1 FROM audit_log WHERE target_id = $1 AND action = 'service_type.updated'", [row!.id]);
    expect(audit).toHaveLength(1);
  });
});
