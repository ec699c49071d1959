import { READ_ONLY_ADMIN_ACTIONS, type Kernel, type AdminResource } from '../../../platform/module.ts';
import { AppError } from '../../../platform/errors.ts';
import { unflattenPayload } from '../../../platform/admin-payload.ts';
import { ROLES, type Role } from '../../../platform/http/auth.ts';
import { setUserDisabled, setUserRoles } from '../application/manage-users.ts';
import type { UserRecord } from './user.model.ts';

/**
 * The users screen. Search and reading for managers; roles and
 * enable/disable for admins, through the same audited use cases an API
 * would call. AdminJS only collects the input and shows the outcome.
 */
interface AdminContext {
  currentAdmin?: { id: string; roles?: string[] };
  record?: { id(): string; toJSON(admin?: unknown): unknown };
  resource: { findOne(id: string): Promise<{ toJSON(admin?: unknown): unknown } | null> };
}
interface AdminRequest {
  method: string;
  payload?: Record<string, unknown>;
}

const isAdmin = ({ currentAdmin }: { currentAdmin?: { roles?: string[] } }) => Boolean(currentAdmin?.roles?.includes('admin'));

function rolesFrom(payload: Record<string, unknown> = {}): string[] {
  const { roles } = unflattenPayload(payload);
  return (Array.isArray(roles) ? roles : roles === undefined ? [] : [roles]).map(String).filter(Boolean);
}

async function run(
  kernel: Kernel,
  context: AdminContext,
  work: (actor: { id: string; roles: Role[] }, userId: string) => Promise<unknown>,
  done: string,
) {
  const actor = { id: context.currentAdmin!.id, roles: (context.currentAdmin!.roles ?? []) as Role[] };
  const userId = context.record!.id();
  try {
    await work(actor, userId);
    const fresh = await context.resource.findOne(userId);
    return { record: fresh?.toJSON(context.currentAdmin), notice: { message: done, type: 'success' } };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    kernel.logger.info({ code: error.code, userId }, 'admin user action refused');
    return { record: context.record!.toJSON(context.currentAdmin), notice: { message: error.detail, type: 'error' } };
  }
}

export function usersAdminResource(kernel: Kernel, User: typeof UserRecord): AdminResource {
  return {
    resource: User,
    options: {
      navigation: { name: 'Identity', icon: 'User' },
      listProperties: ['email', 'name', 'roleNames', 'disabled', 'createdAt'],
      showProperties: [
        'id',
        'email',
        'name',
        'roles',
        'disabled',
        'phone',
        'address',
        'emailVerifiedAt',
        'erasedAt',
        'createdAt',
        'updatedAt',
      ],
      filterProperties: ['email', 'name', 'disabled', 'createdAt'],
      editProperties: ['roles'],
      sort: { sortBy: 'createdAt', direction: 'desc' },
      properties: {
        passwordHash: { isVisible: false },
        roles: { availableValues: ROLES.map((role) => ({ value: role, label: role })) },
        roleNames: { isVisible: { list: true, show: false, edit: false, filter: false } },
      },
      actions: {
        ...READ_ONLY_ADMIN_ACTIONS,
        edit: {
          isAccessible: isAdmin,
          handler: async (request: AdminRequest, _response: unknown, context: AdminContext) => {
            if (request.method !== 'post') return { record: context.record!.toJSON(context.currentAdmin) };
            return run(
              kernel,
              context,
              (actor, userId) => setUserRoles(kernel, { actor, userId, roles: rolesFrom(request.payload) }),
              'Roles updated.',
            );
          },
        },
        disable: {
          actionType: 'record',
          icon: 'Slash',
          guard: 'Disable this user? They are signed out everywhere at once.',
          component: false,
          isAccessible: isAdmin,
          isVisible: ({ record }: { record?: { params: { disabled?: boolean } } }) => !record?.params.disabled,
          handler: async (_request: AdminRequest, _response: unknown, context: AdminContext) =>
            run(kernel, context, (actor, userId) => setUserDisabled(kernel, { actor, userId, disabled: true }), 'User disabled.'),
        },
        enable: {
          actionType: 'record',
          icon: 'Check',
          component: false,
          isAccessible: isAdmin,
          isVisible: ({ record }: { record?: { params: { disabled?: boolean } } }) => Boolean(record?.params.disabled),
          handler: async (_request: AdminRequest, _response: unknown, context: AdminContext) =>
            run(kernel, context, (actor, userId) => setUserDisabled(kernel, { actor, userId, disabled: false }), 'User enabled.'),
        },
      },
    },
  };
}
