import { Model, type Sequelize } from 'sequelize';
import { jobRunsTable } from '../../../platform/tables.ts';

/** The scheduler's record of job runs (the kernel's `job_runs`), read-only, for the admin panel. */
export class JobRunRecord extends Model {}

export function defineJobRunModel(sequelize: Sequelize): typeof JobRunRecord {
  return jobRunsTable.model(sequelize, JobRunRecord, { modelName: 'JobRun' });
}
