/**
 * Works the quality-review queue through the SDK, as an operations tool
 * would: sign in as the demo manager, take the oldest open review, read the
 * whole case (order, timeline, photo hashes, kit, emails, the worker's
 * record), and record the result on the review's form after the call with
 * the client. Cancel or fail an order first (the queue fills by itself).
 *
 *   npm start                     # in one terminal
 *   npm run example:review-queue  # in another
 */
import { login, type Schemas } from '@chorecat/sdk';

/** The answer of each question a review's form asks (an example's answers: a real tool asks the manager). */
export function exampleAnswers(form: Schemas['ReviewForm']): Schemas['ReviewAnswers'] {
  const answers: Schemas['ReviewAnswers'] = {};
  for (const field of form.fields) {
    if (field.type === 'text') answers[field.key] = 'Called the client: the outcome stands.';
    if (field.type === 'yesno') answers[field.key] = true;
    if (field.type === 'rating') answers[field.key] = 4;
    if (field.type === 'choice') answers[field.key] = field.options![0]!;
  }
  return answers;
}

export async function reviewOldestOpen(baseUrl: string, credentials = { email: 'manager@chorecat.test', password: 'chorecat-demo' }) {
  const { client } = await login({ baseUrl }, credentials);
  const [oldest] = (await client.reviews.list.orThrow({ status: 'open', limit: 1 })).data; // the first page: the oldest
  if (!oldest) return { reviewed: null, note: 'the queue is empty: cancel or fail an order first' };
  const review = await client.reviews.get.orThrow(oldest.id);
  if (!review.form) return { reviewed: null, note: 'no review form is defined yet' };
  const done = await client.reviews.recordResult.orThrow(review.id, {
    formId: review.form.id,
    answers: exampleAnswers(review.form),
    verdict: 'confirmed',
    clientFeedback: 'Reached by phone',
  });
  return {
    reviewed: done.id,
    reason: done.reason,
    verdict: done.verdict,
    order: `${review.order.id} (${review.order.status}${review.order.failureReason ? `, ${review.order.failureReason}` : ''})`,
    timeline: review.timeline.map((e) => `${e.at} ${e.event}`),
    photos: review.photos.map((p) => `${p.purpose} sha256 ${p.sha256}`),
    kit: review.kit?.status ?? null,
    emails: review.emails.map((e) => `${e.template} → ${e.to}`),
    form: `${done.form?.name} v${done.form?.version}`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await reviewOldestOpen(process.env.CHORECAT_URL ?? 'http://localhost:3000');
  console.log(JSON.stringify(result, null, 2));
}
