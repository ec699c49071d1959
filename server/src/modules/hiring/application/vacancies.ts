import { listActiveVacancies } from '../infra/hiring.repository.ts';
import type { Hiring } from './context.ts';

/** Open vacancies, for the public application form. */
export async function listVacancies(hiring: Hiring) {
  const rows = await listActiveVacancies(hiring.kernel.db);
  return {
    data: rows.map((v) => ({ id: v.id, title: v.title, description: v.description, testCount: Number(v.test_count) })),
  };
}
