import { DataTypes, Model, type Sequelize } from 'sequelize';
import type { AdminResource } from '../../../platform/module.ts';
import {
  READ_ONLY_ADMIN_ACTIONS,
  adminActor,
  chosenId,
  confirmAction,
  runAdminAction,
  unflattenPayload,
  type AdminActionContext,
  type AdminActionRequest,
} from '../../../admin/actions.ts';
import { APPLICATION_STATUSES, readyToHire, type ApplicationStatus } from '../domain/application-lifecycle.ts';
import type { TestDefinition } from '../domain/tests.ts';
import { assignmentViews, type ApplicationView, type Hiring } from '../application/context.ts';
import { saveTest } from '../application/manage-tests.ts';
import { homeBasesOf } from '../../identity/index.ts';
import { assignTest } from '../application/assign-test.ts';
import { hire, reject } from '../application/decide.ts';
import {
  applicationsTable,
  hiringTestsTable,
  testAssignmentsTable,
  vacanciesTable,
  vacancyTestsTable,
  workerProfilesTable,
} from '../infra/tables.ts';
import { createVacancy, type VacancyInput } from '../application/create-vacancy.ts';
import { updateVacancy } from '../application/update-vacancy.ts';
import { attachVacancyTest } from '../application/attach-vacancy-test.ts';
import { detachVacancyTest } from '../application/detach-vacancy-test.ts';

class TestRecord extends Model {}
class VacancyRecord extends Model {}
class VacancyTestRecord extends Model {}
class ApplicationRecord extends Model {}
class AssignmentRecord extends Model {}
class WorkerRecord extends Model {}

function defineModels(sequelize: Sequelize) {
  hiringTestsTable.model(sequelize, TestRecord, { modelName: 'HiringTest' });
  // AdminJS saves vacancies itself: Sequelize stamps their created_at and updated_at.
  vacanciesTable.model(sequelize, VacancyRecord, { modelName: 'Vacancy', timestamps: true });
  vacancyTestsTable.model(sequelize, VacancyTestRecord, { modelName: 'VacancyTest' });
  // Columns the panel does not show stay out of its models: who decided or assigned (the audit log names them), preferred service types.
  // `tests` and `readyToHire` are filled in after a list or show is read (see withTestResults): they come from the assignments.
  applicationsTable.model(sequelize, ApplicationRecord, {
    modelName: 'Application',
    omit: ['preferred_service_type_ids', 'decided_by'],
    extra: { tests: { type: DataTypes.VIRTUAL, get: () => '' }, readyToHire: { type: DataTypes.VIRTUAL, get: () => '' } },
  });
  testAssignmentsTable.model(sequelize, AssignmentRecord, { modelName: 'TestAssignment', omit: ['assigned_by'] });
  // `homeBase` is filled in after a list or show is read (see withHomeBases): identity keeps where a worker is based.
  workerProfilesTable.model(sequelize, WorkerRecord, {
    modelName: 'WorkerProfile',
    omit: ['preferred_service_type_ids'],
    extra: { homeBase: { type: DataTypes.VIRTUAL, get: () => '' } },
  });
}

/** The test form's values in the use case's shape (AdminJS posts them flattened, as strings). */
function testFrom(payload: Record<string, unknown> | undefined): TestDefinition {
  const raw = unflattenPayload(payload) as Record<string, unknown>;
  const questions = (Array.isArray(raw.questions) ? raw.questions : []).filter(Boolean) as {
    text?: unknown;
    choices?: unknown;
    correct?: unknown;
  }[];
  return {
    title: String(raw.title ?? ''),
    passMark: Number(raw.passMark),
    timeLimitMinutes: Number(raw.timeLimitMinutes),
    maxAttempts: Number(raw.maxAttempts),
    questions: questions.map((q) => ({
      text: String(q.text ?? ''),
      choices: (Array.isArray(q.choices) ? q.choices : []).filter((c) => c !== undefined && c !== null).map(String),
      // The form numbers choices from 1, as people do; the use case counts from 0.
      correct: q.correct === undefined || q.correct === '' ? Number.NaN : Number(q.correct) - 1,
    })),
  };
}

/** A test record as the form shows it: the right choice numbered from 1 (stored from 0). */
function withAnswersFromOne<R>(record: R): R {
  const params = (record as { params?: Record<string, unknown> } | undefined)?.params;
  if (!params) return record;
  const shown = Object.fromEntries(
    Object.entries(params).map(([key, value]) =>
      /^questions\.\d+\.correct$/.test(key) && value !== null && value !== '' && Number.isInteger(Number(value))
        ? [key, Number(value) + 1]
        : [key, value],
    ),
  );
  return { ...record, params: shown };
}

type RecordJson = { id: string; params: Record<string, unknown> };

/** Each application's tests (title, best score, result) and whether it could be hired now, as hire() decides. */
async function withTestResults(hiring: Hiring, records: RecordJson[]): Promise<void> {
  const views = await assignmentViews(
    hiring.kernel,
    records.map((r) => r.id),
  );
  for (const record of records) {
    const tests = views.get(record.id) ?? [];
    record.params.tests = tests.length
      ? tests.map((t) => `${t.title}: ${t.bestScore === null ? 'not taken' : `${t.bestScore}%`} (${t.status})`).join('; ')
      : '(none assigned)';
    record.params.readyToHire = readyToHire(record.params.status as ApplicationStatus, tests) ? 'yes' : 'no';
  }
}

/** Each worker's home base (nearest-available matching), as the users screen shows it: "lat, lng" in degrees, or "(not set)". */
async function withHomeBases(hiring: Hiring, records: RecordJson[]): Promise<void> {
  const bases = await homeBasesOf(
    hiring.kernel,
    records.map((r) => String(r.params.userId)),
  );
  for (const record of records) {
    const base = bases.get(String(record.params.userId));
    record.params.homeBase = base ? `${base.lat.toFixed(6)}, ${base.lng.toFixed(6)}` : '(not set)';
  }
}

const post =
  (
    work: (request: AdminActionRequest, context: AdminActionContext) => Promise<unknown>,
    done: string,
    onGet: (context: AdminActionContext) => unknown = (context) =>
      context.record ? { record: context.record.toJSON(context.currentAdmin) } : {},
  ) =>
  async (request: AdminActionRequest, _response: unknown, context: AdminActionContext) =>
    request.method !== 'post' ? onGet(context) : runAdminAction(context, () => work(request, context), done, { showAfterwards: true });

/**
 * The vacancy form's values for the use cases, which check them: AdminJS
 * posts a checkbox as "true"/"false"; anything else is left for the use
 * case to refuse.
 */
function vacancyFrom(payload: Record<string, unknown> | undefined): VacancyInput {
  const raw = unflattenPayload(payload);
  const values: VacancyInput = {};
  if (raw.title !== undefined) values.title = raw.title;
  if (raw.description !== undefined) values.description = raw.description;
  if (raw.active !== undefined) values.active = raw.active === 'true' ? true : raw.active === 'false' ? false : raw.active;
  return values;
}

/** Hiring in the admin panel (managers): tests, vacancies, the applications queue with its decisions, the workers. */
export function hiringAdminResources(hiring: Hiring, sequelize: Sequelize): AdminResource[] {
  defineModels(sequelize);
  const navigation = { name: 'Hiring', icon: 'UserPlus' };
  const open = ({ record }: { record?: { params: { status?: string } } }) =>
    record?.params.status === 'received' || record?.params.status === 'testing';
  return [
    {
      resource: ApplicationRecord,
      actionLabels: { edit: 'Reject…', hire: 'Hire', assignTest: 'Assign a test' },
      options: {
        id: 'applications',
        navigation,
        listProperties: ['createdAt', 'name', 'email', 'breed', 'skills', 'status', 'tests', 'readyToHire'],
        showProperties: [
          'id',
          'status',
          'readyToHire',
          'tests',
          'name',
          'email',
          'breed',
          'age',
          'skills',
          'vacancyId',
          'applicantId',
          'decisionReason',
          'decidedAt',
          'workerId',
          'createdAt',
        ],
        filterProperties: ['status', 'email', 'vacancyId', 'createdAt'],
        editProperties: ['decisionReason'],
        sort: { sortBy: 'createdAt', direction: 'asc' },
        properties: {
          status: { availableValues: APPLICATION_STATUSES.map((v) => ({ value: v, label: v })) },
          vacancyId: { reference: 'vacancies' },
          decisionReason: { type: 'textarea' },
          tests: { label: 'Tests (best score)', isSortable: false },
          readyToHire: { label: 'Ready to hire', isSortable: false },
        },
        actions: {
          ...READ_ONLY_ADMIN_ACTIONS,
          list: {
            after: async (response: { records: RecordJson[] }) => {
              await withTestResults(hiring, response.records);
              return response;
            },
          },
          show: {
            after: async (response: { record: RecordJson }) => {
              await withTestResults(hiring, [response.record]);
              return response;
            },
          },
          // The edit form asks for one thing, the reason: it is the reject action (labelled so in the panel).
          edit: {
            isAccessible: true,
            isVisible: open,
            icon: 'XCircle',
            handler: post(
              (request, context) =>
                reject(hiring, {
                  actor: adminActor(context),
                  applicationId: context.record!.id(),
                  reason: String(unflattenPayload(request.payload).decisionReason ?? ''),
                }),
              'Application rejected; the applicant is emailed the reason.',
            ),
          },
          hire: confirmAction({
            icon: 'UserCheck',
            question: 'Hire this applicant? They become a worker and join the pool at once.',
            submitLabel: 'Hire',
            isVisible: open,
            handler: (_request: unknown, _response: unknown, context: AdminActionContext) =>
              runAdminAction(
                context,
                () => hire(hiring, { actor: adminActor(context), applicationId: context.record!.id() }),
                (hired) => `Hired: worker code ${(hired as ApplicationView).workerCode}.`,
                { showAfterwards: true },
              ),
          }),
          assignTest: {
            actionType: 'record',
            icon: 'Clipboard',
            component: false,
            readOnly: true,
            isVisible: open,
            handler: (_request: unknown, _response: unknown, context: AdminActionContext) => ({
              record: context.record!.toJSON(context.currentAdmin),
              redirectUrl: context.h.resourceUrl({
                resourceId: 'test_assignments',
                search: `?filters.applicationId=${context.record!.id()}`,
              }),
              notice: { message: 'Assign a test with "Create new" here, choosing the application and the test.', type: 'info' },
            }),
          },
        },
      },
    },
    {
      resource: AssignmentRecord,
      options: {
        id: 'test_assignments',
        navigation,
        listProperties: ['assignedAt', 'applicationId', 'testId', 'status', 'bestScore'],
        editProperties: ['applicationId', 'testId'],
        filterProperties: ['applicationId', 'testId', 'status'],
        properties: { applicationId: { reference: 'applications' }, testId: { reference: 'hiring_tests' } },
        actions: {
          ...READ_ONLY_ADMIN_ACTIONS,
          new: {
            isAccessible: true,
            handler: post(
              async (request, context) => {
                const raw = unflattenPayload(request.payload);
                const testId = chosenId(raw.testId, 'test');
                const application = await assignTest(hiring, {
                  actor: adminActor(context),
                  applicationId: chosenId(raw.applicationId, 'application'),
                  testId,
                });
                // The new assignment, for the panel to show: its form expects the record it made.
                return application.tests.find((a) => a.testId === testId);
              },
              'Test assigned; the applicant is emailed.',
              () => ({}),
            ),
          },
        },
      },
    },
    {
      resource: TestRecord,
      options: {
        id: 'hiring_tests',
        navigation,
        listProperties: ['title', 'passMark', 'timeLimitMinutes', 'maxAttempts', 'updatedAt'],
        filterProperties: ['title', 'updatedAt'],
        // The test last written first: the one being worked on.
        sort: { sortBy: 'updatedAt', direction: 'desc' },
        showProperties: ['id', 'title', 'passMark', 'timeLimitMinutes', 'maxAttempts', 'questions', 'updatedAt'],
        editProperties: ['title', 'passMark', 'timeLimitMinutes', 'maxAttempts', 'questions'],
        properties: {
          passMark: { description: 'Percentage of right answers needed to pass (1–100).' },
          questions: { type: 'mixed', isArray: true },
          'questions.text': { type: 'string', label: 'Question' },
          'questions.choices': { type: 'string', isArray: true, label: 'Choices' },
          'questions.correct': { type: 'number', label: 'Right choice', description: 'Number of the right choice: 1 for the first.' },
        },
        actions: {
          delete: { isAccessible: false },
          bulkDelete: { isAccessible: false },
          show: {
            after: async (response: { record: RecordJson }) => ({ ...response, record: withAnswersFromOne(response.record) }),
          },
          new: {
            handler: post(
              (request, context) => saveTest(hiring, { actor: adminActor(context), test: testFrom(request.payload) }),
              'Test created.',
              () => ({}),
            ),
            after: async (response: { record?: RecordJson }) => ({ ...response, record: withAnswersFromOne(response.record) }),
          },
          edit: {
            handler: post(
              (request, context) =>
                saveTest(hiring, { actor: adminActor(context), id: context.record!.id(), test: testFrom(request.payload) }),
              'Test saved.',
            ),
            after: async (response: { record?: RecordJson }) => ({ ...response, record: withAnswersFromOne(response.record) }),
          },
        },
      },
    },
    {
      resource: VacancyRecord,
      options: {
        id: 'vacancies',
        navigation,
        listProperties: ['title', 'active', 'createdAt'],
        filterProperties: ['title', 'active', 'createdAt'],
        sort: { sortBy: 'createdAt', direction: 'desc' },
        editProperties: ['title', 'description', 'active'],
        properties: { description: { type: 'textarea' } },
        actions: {
          delete: { isAccessible: false },
          bulkDelete: { isAccessible: false },
          new: {
            handler: post(
              (request, context) => createVacancy(hiring, { actor: adminActor(context), values: vacancyFrom(request.payload) }),
              'Vacancy created.',
              () => ({}),
            ),
          },
          edit: {
            handler: post(
              (request, context) =>
                updateVacancy(hiring, { actor: adminActor(context), id: context.record!.id(), changes: vacancyFrom(request.payload) }),
              'Vacancy saved.',
            ),
          },
        },
      },
    },
    {
      resource: VacancyTestRecord,
      options: {
        id: 'vacancy_tests',
        navigation,
        listProperties: ['vacancyId', 'testId'],
        editProperties: ['vacancyId', 'testId'],
        properties: { vacancyId: { reference: 'vacancies' }, testId: { reference: 'hiring_tests' } },
        actions: {
          edit: { isAccessible: false },
          bulkDelete: { isAccessible: false },
          new: {
            handler: post(
              (request, context) => {
                const raw = unflattenPayload(request.payload);
                return attachVacancyTest(hiring, {
                  actor: adminActor(context),
                  vacancyId: chosenId(raw.vacancyId, 'vacancy'),
                  testId: chosenId(raw.testId, 'test'),
                });
              },
              'Test attached: applications to the vacancy are assigned it from now on.',
              () => ({}),
            ),
          },
          // Detaching: the link's record is gone afterwards, so the panel goes back to the list.
          delete: {
            handler: async (request: AdminActionRequest, _response: unknown, context: AdminActionContext) => {
              const shown = context.record!.toJSON(context.currentAdmin);
              if (request.method !== 'post') return { record: shown };
              const link = (context.record!.toJSON() as { params: { vacancyId?: unknown; testId?: unknown } }).params;
              const result = await runAdminAction(
                context,
                () =>
                  detachVacancyTest(hiring, {
                    actor: adminActor(context),
                    vacancyId: String(link.vacancyId),
                    testId: String(link.testId),
                  }),
                'Test detached: later applications to the vacancy are not assigned it.',
              );
              return result.notice.type === 'success'
                ? { ...result, record: shown, redirectUrl: context.h.resourceUrl({ resourceId: context.resource.id() }) }
                : result;
            },
          },
        },
      },
    },
    {
      resource: WorkerRecord,
      options: {
        id: 'worker_profiles',
        navigation: { name: 'Hiring', icon: 'UserPlus' },
        listProperties: ['workerCode', 'name', 'breed', 'skills', 'homeBase', 'hiredAt'],
        filterProperties: ['workerCode', 'name', 'breed'],
        sort: { sortBy: 'hiredAt', direction: 'desc' },
        properties: {
          userId: { reference: 'users' },
          applicationId: { reference: 'applications' },
          homeBase: { label: 'Home base', isSortable: false, isVisible: { list: true, show: true, edit: false, filter: false } },
        },
        actions: {
          ...READ_ONLY_ADMIN_ACTIONS,
          list: {
            after: async (response: { records: RecordJson[] }) => {
              await withHomeBases(hiring, response.records);
              return response;
            },
          },
          show: {
            after: async (response: { record: RecordJson }) => {
              await withHomeBases(hiring, [response.record]);
              return response;
            },
          },
        },
      },
    },
  ];
}
