import type { Kernel } from '../platform/module.ts';
import { contactsOf } from '../modules/identity/index.ts';
import { workerCodesOf } from '../modules/hiring/index.ts';

/**
 * How the panel names a person: a worker by worker code and name, anyone
 * else by name and email; an erased account says so. Two queries a page,
 * one through each module's door.
 */
export function describePeople(kernel: Pick<Kernel, 'db'>) {
  return async (ids: string[]): Promise<Map<string, string>> => {
    const [users, codes] = await Promise.all([contactsOf(kernel, ids), workerCodesOf(kernel, ids)]);
    return new Map(
      [...users].map(([id, u]) => {
        if (u.erased) return [id, 'Erased account'];
        const code = codes.get(id);
        return [id, code ? `${code} · ${u.name}` : `${u.name} <${u.email}>`];
      }),
    );
  };
}
