import { expect } from 'vitest';
import type { Response } from 'supertest';
import type { TestPlatform } from './platform.ts';
import { bringKitReady, settle } from './orders.ts';
import { PNG_1x1 } from './images.ts';

const HOUR = 60 * 60_000;

/**
 * Takes a new order through the real API to `reported` (kit, matching,
 * check-in an hour before its start, report), then has its client accept it
 * with `accept` as the body. The platform clock is set to the hour before
 * `startsAt` for the check-in and stays at the acceptance's moment: the
 * caller picks when in the week it happens. Answers the order's id, its worker
 * and the acceptance's response.
 */
export async function acceptedOrder(
  t: TestPlatform,
  parties: { client: { token: string }; workers: { id: string; token: string }[]; serviceTypeId: string },
  startsAt: Date,
  accept: Record<string, unknown> = {},
): Promise<{ orderId: string; workerId: string; accepted: Response }> {
  const as = (user: { token: string }) => `Bearer ${user.token}`;
  const created = await t.api
    .post('/v1/orders')
    .set('authorization', as(parties.client))
    .send({ serviceTypeId: parties.serviceTypeId, startsAt: startsAt.toISOString(), address: '9 Tip Lane' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(await bringKitReady(t, created.body.id)).toBe('scheduled');
  // Matching picks at random among the workers free then: act as the one it picked.
  const order = await t.api.get(`/v1/orders/${created.body.id}`).set('authorization', as(parties.client)).expect(200);
  const worker = parties.workers.find((w) => w.id === order.body.workerId);
  if (!worker) throw new Error(`order ${created.body.id} went to worker ${order.body.workerId}, not one of the test's`);
  const photo = (await t.api.post('/v1/files').set('authorization', as(worker)).attach('file', PNG_1x1, 'p.png')).body.id;
  t.clock.moveTo(new Date(startsAt.getTime() - HOUR));
  await t.api.post(`/v1/orders/${created.body.id}/check-in`).set('authorization', as(worker)).send({ photoId: photo }).expect(200);
  await t.api
    .post(`/v1/orders/${created.body.id}/report`)
    .set('authorization', as(worker))
    .send({ beforePhotoIds: [photo], afterPhotoIds: [photo], signedReportPhotoId: photo })
    .expect(200);
  const accepted = await t.api.post(`/v1/orders/${created.body.id}/accept`).set('authorization', as(parties.client)).send(accept);
  await settle(t);
  return { orderId: created.body.id, workerId: worker.id, accepted };
}

/** The text of a raw email as an SMTP server received it (quoted-printable soft breaks and escapes undone). */
export function mailText(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r\n/g, '\n');
}
