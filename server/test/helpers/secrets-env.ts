import { loadConfig } from '../../src/platform/config.ts';
import { MODULES } from '../../src/modules/index.ts';

/**
 * Every secret a `chorecat start` of this platform asks for (the kernel's and
 * each module's), each a fixed value marked with `tag`: the processes a fault
 * test starts, kills and starts again share them, so tokens signed before a
 * restart stay good, and no test's values pass for another's.
 */
export function secretsEnv(tag: string): Record<string, string> {
  const variables = Object.values(loadConfig({ NODE_ENV: 'development' }, MODULES).secretVariables);
  return Object.fromEntries(variables.map((name) => [name, `${name.toLowerCase()}-${tag}-0123456789abcdef`]));
}
