import { Model, type Sequelize } from 'sequelize';
import { serviceTypesTable } from '../infra/service-types.table.ts';
import type { Kernel, AdminResource } from '../../../platform/module.ts';
import { AppError } from '../../../platform/errors.ts';
import { adminActor, runAdminAction, unflattenPayload, type AdminActionContext, type AdminActionRequest } from '../../../admin/actions.ts';
import { createServiceType, updateServiceType, type ServiceTypeInput } from '../application/service-types.ts';

export class ServiceTypeRecord extends Model {}

function defineModel(sequelize: Sequelize): typeof ServiceTypeRecord {
  return serviceTypesTable.model(sequelize, ServiceTypeRecord, { modelName: 'ServiceType' });
}

/** The form's values in the API's shape (AdminJS sends strings, flattened); a new type needs what the API requires of one. */
function valuesFrom(payload: Record<string, unknown> | undefined, creating = false): Partial<ServiceTypeInput> {
  const raw = unflattenPayload(payload);
  const values: Partial<ServiceTypeInput> = {};
  if (raw.name !== undefined) values.name = String(raw.name);
  if (raw.description !== undefined) values.description = String(raw.description);
  if (raw.durationMinutes !== undefined) values.durationMinutes = Number(raw.durationMinutes);
  if (raw.active !== undefined) values.active = raw.active === true || raw.active === 'true';
  if (Array.isArray(raw.kitItems)) {
    values.kitItems = raw.kitItems
      .filter((item): item is { name?: unknown; quantity?: unknown } => Boolean(item))
      .map((item) => ({ name: String(item.name ?? ''), quantity: Number(item.quantity ?? 1) }));
  }
  const problems: string[] = [];
  if (
    values.durationMinutes !== undefined &&
    !(Number.isInteger(values.durationMinutes) && values.durationMinutes >= 15 && values.durationMinutes <= 720)
  ) {
    problems.push('Duration must be a whole number of minutes from 15 to 720.');
  }
  if (values.kitItems?.some((i) => !i.name.trim() || !Number.isInteger(i.quantity) || i.quantity < 1))
    problems.push('Every kit item needs a name and a quantity of 1 or more.');
  if ((creating || values.name !== undefined) && !values.name?.trim()) problems.push('The name is required.');
  if (creating && values.durationMinutes === undefined) problems.push('The duration is required.');
  if (problems.length) throw new AppError('VALIDATION.FAILED', problems.join(' '));
  return values;
}

/** Service types in the admin panel: managers create and edit them through the same use cases as the API. */
export function serviceTypesAdminResource(kernel: Kernel, sequelize: Sequelize): AdminResource {
  const ServiceType = defineModel(sequelize);
  return {
    resource: ServiceType,
    options: {
      navigation: { name: 'Operations', icon: 'Activity' },
      listProperties: ['name', 'durationMinutes', 'active', 'updatedAt'],
      showProperties: ['id', 'name', 'description', 'durationMinutes', 'active', 'kitItems', 'createdAt', 'updatedAt'],
      editProperties: ['name', 'description', 'durationMinutes', 'active', 'kitItems'],
      filterProperties: ['name', 'active'],
      properties: {
        description: { type: 'textarea' },
        kitItems: { type: 'mixed', isArray: true },
        'kitItems.name': { type: 'string' },
        'kitItems.quantity': { type: 'number' },
      },
      actions: {
        delete: { isAccessible: false },
        bulkDelete: { isAccessible: false },
        new: {
          handler: async (request: AdminActionRequest, _response: unknown, context: AdminActionContext) => {
            if (request.method !== 'post') return {};
            const values = () => valuesFrom(request.payload, true) as ServiceTypeInput;
            return runAdminAction(
              context,
              async () => createServiceType(kernel, { actor: adminActor(context), values: values() }),
              'Service type created.',
              { showAfterwards: true },
            );
          },
        },
        edit: {
          handler: async (request: AdminActionRequest, _response: unknown, context: AdminActionContext) => {
            if (request.method !== 'post') return { record: context.record!.toJSON(context.currentAdmin) };
            return runAdminAction(
              context,
              async () =>
                updateServiceType(kernel, { actor: adminActor(context), id: context.record!.id(), changes: valuesFrom(request.payload) }),
              'Service type saved.',
              { showAfterwards: true },
            );
          },
        },
      },
    },
  };
}
