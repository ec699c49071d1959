import type { Principal } from '../../../platform/http/auth.ts';
import { transaction, type Tx } from '../../../platform/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { decodeCursor, page } from '../../../platform/pagination.ts';
import { formErrors, normaliseForm, type FormDefinition } from '../domain/forms.ts';
import { addVersion, currentForms, findFormVersion, insertForm } from '../infra/forms.repository.ts';
import type { FormVersionRow } from '../infra/tables.ts';
import type { Quality } from './context.ts';
import { toFormView, type ReviewFormView } from './review-view.ts';

function checked(form: FormDefinition, at: string): FormDefinition {
  const errors = formErrors(form, at);
  if (errors.length) throw new AppError('QUALITY.FORM_INVALID', 'The review form is not valid: see errors.', { errors });
  return normaliseForm(form);
}

/** A manager defines a review form (version 1); audited. */
export async function createReviewForm(
  quality: Quality,
  input: { actor: Principal; form: FormDefinition; requestId?: string; errorsAt?: string },
): Promise<ReviewFormView> {
  const { kernel } = quality;
  const form = checked(input.form, input.errorsAt ?? '/body');
  return transaction(kernel.db, async (tx) => {
    const created = await insertForm(kernel.db, tx, form, input.actor.id, kernel.clock.now());
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'review_form.created',
      targetType: 'review_form',
      targetId: created.form_id,
      after: toFormView(created),
      requestId: input.requestId,
    });
    return toFormView(created);
  });
}

/** Editing a form is a new version (SPEC §10: reviews keep the version they were filled in with); audited. */
export async function editReviewForm(
  quality: Quality,
  input: { actor: Principal; formId: string; form: FormDefinition; requestId?: string; errorsAt?: string },
): Promise<ReviewFormView> {
  const { kernel } = quality;
  const form = checked(input.form, input.errorsAt ?? '/body');
  return transaction(kernel.db, async (tx) => {
    const versions = await addVersion(kernel.db, tx, input.formId, form, input.actor.id, kernel.clock.now());
    if (!versions) throw new AppError('NOT_FOUND', 'No such review form.');
    await recordAudit(kernel.db, tx, kernel.clock, {
      actorId: input.actor.id,
      actorRoles: input.actor.roles,
      action: 'review_form.edited',
      targetType: 'review_form',
      targetId: input.formId,
      before: toFormView(versions.before),
      after: toFormView(versions.after),
      requestId: input.requestId,
    });
    return toFormView(versions.after);
  });
}

export async function listReviewForms(quality: Quality, query: { limit: number; cursor?: string }) {
  const rows = await currentForms(quality.kernel.db, { after: decodeCursor(query.cursor), limit: query.limit + 1 });
  const paged = page(rows, query.limit, (r) => ({ at: new Date(r.form_created_at).toISOString(), id: r.form_id }));
  return { data: paged.data.map(toFormView), nextCursor: paged.nextCursor };
}

/** The form a result is recorded with: the current version of the one named, or of the default (oldest) form. */
export async function formForResult(quality: Quality, formId: string | undefined, tx?: Tx): Promise<FormVersionRow | undefined> {
  const [current] = await currentForms(quality.kernel.db, { limit: 1, formId }, tx);
  return current;
}

export const formVersion = (quality: Quality, formId: string, version: number) => findFormVersion(quality.kernel.db, formId, version);
