import { orderForReview } from '../../orders/index.ts';
import { kitOfOrder } from '../../supplies/index.ts';
import { matchingAttemptsOf } from '../../matching/index.ts';
import { emailsAboutOrder } from '../../notifications/index.ts';
import { contactsOf } from '../../identity/index.ts';
import { workerCodesOf, workerProfileForReview } from '../../hiring/index.ts';
import type { Quality } from './context.ts';

const PHOTO_PURPOSES = [
  ['checkIn', 'check_in'],
  ['before', 'before'],
  ['after', 'after'],
  ['signedReport', 'signed_report'],
] as const;

/**
 * An order's whole case (SPEC §10: "a manager can open any order and review
 * it"), each part read through the door of the module that owns it: the
 * order and its timeline (orders), the photos' hashes (files), the kit
 * (supplies), the matching attempts (matching), the emails about the order
 * (notifications), the invoice line and the worker's record (billing), the
 * worker (hiring). Quality is the one module below all of them in the
 * registry, so the review (GET /v1/reviews/{id}) and the panel's order page
 * both read it from here. Undefined for no such order; callers are staff.
 */
export async function orderCase(quality: Quality, orderId: string, viewer?: { id: string; roles: readonly string[] }) {
  const { kernel } = quality;
  const dossier = await orderForReview(kernel, orderId, viewer);
  if (!dossier) return undefined;
  const { order, timeline } = dossier;
  const photos = [];
  for (const [field, purpose] of PHOTO_PURPOSES) {
    const value = order.photos[field];
    for (const fileId of Array.isArray(value) ? value : value ? [value] : []) {
      const info = await quality.files.describe(fileId);
      photos.push({ fileId, purpose, sha256: info?.sha256 ?? null, contentType: info?.contentType ?? null });
    }
  }
  const [kit, matchingAttempts, emails, invoiceLine, profile, history] = await Promise.all([
    kitOfOrder(kernel, order.id),
    matchingAttemptsOf(kernel, order.id),
    emailsAboutOrder(kernel, order.id),
    quality.billing.invoiceLineOf(order.id),
    order.workerId ? workerProfileForReview(kernel, order.workerId) : null,
    order.workerId ? quality.billing.workerHistory(order.workerId) : null,
  ]);
  return {
    order,
    timeline,
    photos,
    kit,
    matchingAttempts,
    emails,
    invoiceLine,
    worker:
      order.workerId && history
        ? {
            id: order.workerId,
            workerCode: profile?.workerCode ?? null,
            name: profile?.name ?? null,
            hiredAt: profile?.hiredAt ?? null,
            ...history,
          }
        : null,
  };
}

export type OrderCase = NonNullable<Awaited<ReturnType<typeof orderCase>>>;

export interface Person {
  name: string;
  email: string;
  workerCode: string | null;
}

/**
 * Who every id on a case's page is (the client, the worker, the timeline's
 * actors, matching's candidates, and `more` such as a review's reviewer):
 * name and email from identity, worker code from hiring, one query each for
 * all ids. For the panel, which shows names where the API gives ids.
 */
export async function peopleOfCase(quality: Quality, c: OrderCase, more: readonly (string | null)[] = []): Promise<Record<string, Person>> {
  const ids = [
    c.order.clientId,
    c.order.workerId,
    ...c.timeline.map((e) => e.actorId),
    ...c.matchingAttempts.flatMap((a) => [...a.candidates, ...a.refused, a.chosen, ...a.offers.map((o) => o.workerId)]),
    ...more,
  ].filter((id): id is string => typeof id === 'string' && id !== '');
  const [contacts, codes] = await Promise.all([contactsOf(quality.kernel, ids), workerCodesOf(quality.kernel, ids)]);
  const people: Record<string, Person> = {};
  for (const [id, contact] of contacts) people[id] = { name: contact.name, email: contact.email, workerCode: codes.get(id) ?? null };
  return people;
}
