import type { Kernel, AdminResource } from '../../../platform/module.ts';
import {
  READ_ONLY_ADMIN_ACTIONS,
  adminActor,
  confirmAction,
  runAdminAction,
  unflattenPayload,
  type AdminActionContext,
  type AdminActionRequest,
} from '../../../admin/actions.ts';
import { setUserDisabled, setUserRoles } from '../application/manage-users.ts';
import type { UserRecord } from '../infra/user.model.ts';

/**
 * The users screen. Search and reading for managers; roles and
 * enable/disable for admins, through the same audited use cases an API
 * would call. AdminJS only collects the input and shows the outcome.
 */
const isAdmin = ({ currentAdmin }: { currentAdmin?: { roles?: string[] } }) => Boolean(currentAdmin?.roles?.includes('admin'));

function rolesFrom(payload: Record<string, unknown> = {}): string[] {
  const { roles } = unflattenPayload(payload);
  return (Array.isArray(roles) ? roles : roles === undefined ? [] : [roles]).map(String).filter(Boolean);
}

async function run(
  kernel: Kernel,
  context: AdminActionContext,
  work: (actor: ReturnType<typeof adminActor>, userId: string) => Promise<unknown>,
  done: string,
) {
  const userId = context.record!.id();
  const result = await runAdminAction(context, () => work(adminActor(context), userId), done);
  if (result.notice.type === 'error') kernel.logger.info({ userId, refusal: result.notice.message }, 'admin user action refused');
  return result;
}

export function usersAdminResource(kernel: Kernel, User: typeof UserRecord): AdminResource {
  return {
    resource: User,
    options: {
      navigation: { name: 'Platform', icon: 'Settings' },
      listProperties: ['email', 'name', 'roleNames', 'disabled', 'createdAt'],
      showProperties: [
        'id',
        'email',
        'name',
        'roles',
        'disabled',
        'phone',
        'address',
        'homeBase',
        'emailVerifiedAt',
        'erasedAt',
        'createdAt',
        'updatedAt',
      ],
      filterProperties: ['email', 'name', 'disabled', 'createdAt'],
      editProperties: ['roles'],
      sort: { sortBy: 'createdAt', direction: 'desc' },
      properties: {
        // Marked required in the form: a user has at least one role (the database refuses none).
        roles: { availableValues: kernel.roles.map((role) => ({ value: role, label: role })), isRequired: true },
        roleNames: { isVisible: { list: true, show: false, edit: false, filter: false } },
        homeBase: { isVisible: { list: false, show: true, edit: false, filter: false } },
      },
      actions: {
        ...READ_ONLY_ADMIN_ACTIONS,
        edit: {
          isAccessible: isAdmin,
          handler: async (request: AdminActionRequest, _response: unknown, context: AdminActionContext) => {
            if (request.method !== 'post') return { record: context.record!.toJSON(context.currentAdmin) };
            return run(
              kernel,
              context,
              (actor, userId) => setUserRoles(kernel, { actor, userId, roles: rolesFrom(request.payload) }),
              'Roles updated.',
            );
          },
        },
        disable: confirmAction({
          icon: 'Slash',
          question: 'Disable this user? They are signed out everywhere at once.',
          submitLabel: 'Disable user',
          isAccessible: isAdmin,
          isVisible: ({ record }: { record?: { params: { disabled?: boolean } } }) => !record?.params.disabled,
          handler: async (_request: AdminActionRequest, _response: unknown, context: AdminActionContext) =>
            run(kernel, context, (actor, userId) => setUserDisabled(kernel, { actor, userId, disabled: true }), 'User disabled.'),
        }),
        enable: confirmAction({
          icon: 'Check',
          question: 'Enable this user? They can sign in again.',
          submitLabel: 'Enable user',
          isAccessible: isAdmin,
          isVisible: ({ record }: { record?: { params: { disabled?: boolean } } }) => Boolean(record?.params.disabled),
          handler: async (_request: AdminActionRequest, _response: unknown, context: AdminActionContext) =>
            run(kernel, context, (actor, userId) => setUserDisabled(kernel, { actor, userId, disabled: false }), 'User enabled.'),
        }),
      },
    },
  };
}
