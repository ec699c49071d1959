import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Every regular file under `dir`, by its full path, sorted (none when it does not exist yet: no upload has made it). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
