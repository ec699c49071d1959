import { Model, type Sequelize } from 'sequelize';
import { ACTION_FORM, ORDER_PAGE, REVIEW_DOSSIER } from '@chorecat/admin';
import type { AdminActionsExtension, AdminResource } from '../../../platform/module.ts';
import { AppError } from '../../../platform/errors.ts';
import {
  READ_ONLY_ADMIN_ACTIONS,
  adminActor,
  confirmAction,
  moneyAttribute,
  relatedList,
  runAdminAction,
  unflattenPayload,
  type AdminActionContext,
  type AdminActionRequest,
} from '../../../admin/actions.ts';
import { FIELD_TYPES, type FormDefinition, type FormField } from '../domain/forms.ts';
import { REVIEW_REASONS, REVIEW_STATUSES, VERDICTS, type Verdict } from '../domain/review-lifecycle.ts';
import { reviewFormsCurrentView, reviewQueueView } from '../infra/tables.ts';
import type { Quality } from '../application/context.ts';
import { getReview } from '../application/get-review.ts';
import { orderCase, peopleOfCase } from '../application/order-case.ts';
import { openManualReview } from '../application/open-review.ts';
import { recordReviewResult } from '../application/record-result.ts';
import { createReviewForm, editReviewForm, formForResult } from '../application/review-forms.ts';

class ReviewRecord extends Model {}
class ReviewFormRecord extends Model {}

/** The panel's answers (strings) in the API's shape, by each question's type: an unanswered optional question is left out. */
export function answersFrom(fields: readonly FormField[], raw: unknown): Record<string, unknown> {
  const given = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const answers: Record<string, unknown> = {};
  for (const field of fields) {
    const value = given[field.key];
    if (value === undefined || value === null || value === '') {
      if (field.required && field.type === 'text') answers[field.key] = '';
      continue;
    }
    const text = String(value);
    if (field.type === 'rating') answers[field.key] = /^\d+$/.test(text) ? Number(text) : text;
    else if (field.type === 'yesno') answers[field.key] = text === 'yes' ? true : text === 'no' ? false : text;
    else answers[field.key] = text;
  }
  return answers;
}

/** The form designer's values (AdminJS posts them flattened, as strings) in the use case's shape. */
export function formFrom(payload: Record<string, unknown> | undefined): FormDefinition {
  const raw = unflattenPayload(payload);
  const fields = (Array.isArray(raw.fields) ? raw.fields : []).filter(Boolean) as Record<string, unknown>[];
  return {
    name: String(raw.name ?? ''),
    fields: fields.map((f) => ({
      key: String(f.key ?? '').trim(),
      label: String(f.label ?? ''),
      type: String(f.type ?? '') as FormField['type'],
      required: f.required === true || f.required === 'true',
      ...(Array.isArray(f.options) ? { options: f.options.filter((o) => o !== undefined && o !== null && o !== '').map(String) } : {}),
    })),
  };
}

/** A refusal's field errors in the panel's notice (the API returns them as `errors`). */
async function withFieldErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.errors?.length && error.status !== 403) {
      const fields = error.errors.map((e) => `${e.path.replace(/^\/body\//, '')}: ${e.message}`).join('; ');
      throw new AppError(error.code, `${error.detail} ${fields}`, { errors: error.errors });
    }
    throw error;
  }
}

const choices = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/**
 * Quality in the panel (managers, admins): the queue (open first, oldest
 * first), each review's case on one page (photos large, timeline, kit,
 * emails …) with "Fill in review" built from its form version, and the
 * form designer (new form; edit = a new version). Everything goes through
 * the API's use cases, audited in their transactions.
 */
export function qualityAdminResources(quality: Quality, sequelize: Sequelize): AdminResource[] {
  reviewQueueView.model(sequelize, ReviewRecord, {
    modelName: 'Review',
    extra: { refund: moneyAttribute('refundedCents') },
  });
  reviewFormsCurrentView.model(sequelize, ReviewFormRecord, { modelName: 'ReviewForm' });
  const navigation = { name: 'Quality', icon: 'CheckSquare' };
  const isOpen = ({ record }: { record?: { params: { status?: string } } }) => record?.params.status === 'open';
  return [
    {
      resource: ReviewRecord,
      actionLabels: { dossier: 'Review the case', fillIn: 'Fill in review', timeline: 'Timeline', photos: 'Photos' },
      options: {
        id: 'reviews',
        navigation,
        listProperties: ['createdAt', 'reason', 'status', 'orderId', 'verdict', 'formName'],
        showProperties: [
          'id',
          'orderId',
          'reason',
          'status',
          'formName',
          'formVersion',
          'verdict',
          'answers',
          'clientFeedback',
          'fineReversed',
          'refund',
          'reviewerId',
          'openedBy',
          'createdAt',
          'completedAt',
        ],
        filterProperties: ['status', 'reason', 'orderId', 'createdAt'],
        // One key: open reviews first, then the oldest first.
        sort: { sortBy: 'queuePosition', direction: 'asc' },
        properties: {
          status: { availableValues: choices(REVIEW_STATUSES) },
          reason: { availableValues: choices(REVIEW_REASONS) },
          verdict: { availableValues: choices(VERDICTS) },
          clientFeedback: { type: 'textarea' },
          orderId: { reference: 'orders' },
          reviewerId: { reference: 'users' },
          openedBy: { reference: 'users' },
          queuePosition: { isVisible: false },
          formFields: { isVisible: false },
          formId: { isVisible: false },
          refundedCents: { isVisible: false },
        },
        actions: {
          ...READ_ONLY_ADMIN_ACTIONS,
          // The whole case (the API's GET /v1/reviews/{id}) on one page.
          dossier: {
            actionType: 'record',
            icon: 'Eye',
            component: REVIEW_DOSSIER,
            readOnly: true,
            handler: async (_request: unknown, _response: unknown, context: AdminActionContext) => {
              const json = context.record!.toJSON(context.currentAdmin) as { params: Record<string, unknown> };
              const review = await getReview(quality, context.record!.id());
              const people = await peopleOfCase(quality, review, [review.reviewerId, review.openedBy]);
              return { record: { ...json, params: { ...json.params, dossier: JSON.stringify({ ...review, people }) } } };
            },
          },
          fillIn: {
            actionType: 'record',
            icon: 'Edit',
            component: ACTION_FORM,
            isVisible: isOpen,
            custom: {
              help: 'The answers are checked against this form version; "overturned" on a failure the worker was fined for reverses the fine. Client and worker are emailed the outcome.',
              submitLabel: 'Record result',
              fieldsFrom: 'formFields',
              fieldsPrefix: 'answers.',
              fields: [
                { name: 'verdict', label: 'Verdict', type: 'select', options: choices(VERDICTS) },
                { name: 'clientFeedback', label: 'What the client said on the call (optional)', type: 'textarea' },
                {
                  name: 'refundClient',
                  label: 'Refund the client the invoiced price (overturned, billed orders only)',
                  type: 'select',
                  options: [
                    { value: 'no', label: 'No' },
                    { value: 'yes', label: 'Yes' },
                  ],
                },
              ],
            },
            handler: async (request: AdminActionRequest, _response: unknown, context: AdminActionContext) =>
              runAdminAction(
                context,
                () =>
                  withFieldErrors(async () => {
                    const raw = unflattenPayload(request.payload);
                    const formId = (context.record!.toJSON() as { params: { formId?: string | null } }).params.formId ?? undefined;
                    const form = await formForResult(quality, formId);
                    if (!form) throw new AppError('QUALITY.NO_FORM', 'There is no review form yet: define one (Quality → Review Forms).');
                    const verdict = String(raw.verdict ?? '');
                    if (!(VERDICTS as readonly string[]).includes(verdict)) {
                      throw new AppError('VALIDATION.FAILED', 'Choose the verdict.', {
                        errors: [{ path: '/body/verdict', message: 'must be chosen' }],
                      });
                    }
                    return recordReviewResult(quality, {
                      actor: adminActor(context),
                      reviewId: context.record!.id(),
                      result: {
                        formId: form.form_id,
                        answers: answersFrom(form.fields, raw.answers),
                        verdict: verdict as Verdict,
                        ...(raw.clientFeedback ? { clientFeedback: String(raw.clientFeedback) } : {}),
                        refundClient: raw.refundClient === 'yes',
                      },
                    });
                  }),
                'Review done: the client and the worker are emailed the outcome.',
              ),
          },
          timeline: relatedList('order_timeline', 'orderId', 'Clock', orderOfReview),
          photos: relatedList('order_photo_list', 'orderId', 'Image', orderOfReview),
        },
      },
    },
    {
      resource: ReviewFormRecord,
      actionLabels: { edit: 'Edit (new version)' },
      options: {
        id: 'review_forms',
        navigation,
        listProperties: ['name', 'version', 'updatedAt'],
        showProperties: ['id', 'name', 'version', 'fields', 'createdAt', 'updatedAt'],
        editProperties: ['name', 'fields'],
        sort: { sortBy: 'createdAt', direction: 'asc' },
        properties: {
          version: { description: 'Saving an edit makes the next version; reviews already done keep theirs.' },
          fields: { type: 'mixed', isArray: true },
          'fields.key': { type: 'string', description: 'What answers are keyed by: a letter, then letters, digits or _.' },
          'fields.label': { type: 'string' },
          'fields.type': { availableValues: choices(FIELD_TYPES) },
          'fields.required': { type: 'boolean' },
          'fields.options': { type: 'string', isArray: true, description: 'The choices of a "choice" field (2 or more).' },
        },
        actions: {
          delete: { isAccessible: false },
          bulkDelete: { isAccessible: false },
          new: {
            handler: async (request: AdminActionRequest, _response: unknown, context: AdminActionContext) => {
              if (request.method !== 'post') return {};
              return runAdminAction(
                context,
                () =>
                  withFieldErrors(() =>
                    createReviewForm(quality, { actor: adminActor(context), form: formFrom(request.payload), errorsAt: '' }),
                  ),
                'Review form created (version 1).',
                { showAfterwards: true },
              );
            },
          },
          edit: {
            handler: async (request: AdminActionRequest, _response: unknown, context: AdminActionContext) => {
              if (request.method !== 'post') return { record: context.record!.toJSON(context.currentAdmin) };
              return runAdminAction(
                context,
                () =>
                  withFieldErrors(() =>
                    editReviewForm(quality, {
                      actor: adminActor(context),
                      formId: context.record!.id(),
                      form: formFrom(request.payload),
                      errorsAt: '',
                    }),
                  ),
                'Saved as a new version.',
                { showAfterwards: true },
              );
            },
          },
        },
      },
    },
  ];
}

/**
 * The panel's actions for an order's lifecycle actions (the API's `allowedActions`):
 * the order page links to these forms, and offers only those the order allows now.
 */
const PANEL_ACTION_OF: Record<string, string> = { cancel: 'cancelOrder' };

/**
 * On orders' screen: the order page (its `show`, so a click on an order
 * opens it: the order's whole case with names, from `orderCase`) and "Open
 * review" (a manual review of it, through the API's use case).
 */
export function qualityAdminActions(quality: Quality): AdminActionsExtension[] {
  return [
    {
      resourceId: 'orders',
      actionLabels: { openReview: 'Open review', show: 'Order' },
      actions: {
        show: {
          component: ORDER_PAGE,
          handler: async (_request: unknown, _response: unknown, context: AdminActionContext) => {
            const json = context.record!.toJSON(context.currentAdmin) as {
              params: Record<string, unknown>;
              recordActions?: { name: string; label?: string }[];
            };
            const found = await orderCase(quality, context.record!.id(), adminActor(context));
            if (!found) return { record: json };
            const people = await peopleOfCase(quality, found);
            // Only what the lifecycle allows the panel user now, and only where the panel itself offers that action to them.
            const offered = new Set((json.recordActions ?? []).map((a) => a.name));
            const actions = found.order.allowedActions.map((action) => {
              const name = PANEL_ACTION_OF[action];
              return name && offered.has(name)
                ? { action, href: context.h.recordActionUrl({ resourceId: 'orders', recordId: found.order.id, actionName: name }) }
                : { action, href: null };
            });
            return { record: { ...json, params: { ...json.params, orderPage: JSON.stringify({ ...found, people, actions }) } } };
          },
        },
        openReview: confirmAction({
          icon: 'CheckSquare',
          question: 'Open a quality review of this order? It joins the queue (Quality → Reviews); an open manual review of it is reused.',
          submitLabel: 'Open review',
          handler: async (_request: unknown, _response: unknown, context: AdminActionContext) => {
            let reviewId: string | undefined;
            const result = await runAdminAction(
              context,
              async () => {
                reviewId = (await openManualReview(quality, { actor: adminActor(context), orderId: context.record!.id() })).review.id;
              },
              'Review opened.',
            );
            return reviewId
              ? { ...result, redirectUrl: context.h.recordActionUrl({ resourceId: 'reviews', recordId: reviewId, actionName: 'dossier' }) }
              : result;
          },
        }),
      },
    },
  ];
}

/** The review's order, for the related lists on orders' screens (its timeline, its photos). */
function orderOfReview(context: AdminActionContext): string {
  return (context.record!.toJSON(context.currentAdmin) as { params: { orderId: string } }).params.orderId;
}
