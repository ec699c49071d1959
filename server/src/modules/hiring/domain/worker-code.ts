/**
 * The worker code (SPEC §5.5), composed of the worker's characteristics:
 *
 *   <SKILLS>-<BREED>-<YEAR>-<SEQ>      e.g. CLW-SIA-2026-0007
 *
 * - SKILLS: the first letter of each skill, in the order given, up to
 *   three, upper case (`X` when none);
 * - BREED: the first three letters of the breed, upper case, letters only,
 *   padded with `X` (`XXX` when none);
 * - YEAR: the year of hiring (business time zone);
 * - SEQ: the hire's number within that year, four digits or more.
 *
 * Stable (issued once at hiring, never recomputed) and unique (the sequence
 * is per year, and the database holds a unique index besides).
 */
export function workerCode(input: { skills: readonly string[]; breed: string; year: number; sequence: number }): string {
  const letters = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[^A-Za-z]/g, '')
      .toUpperCase();
  const skills =
    input.skills
      .map((s) => letters(s).charAt(0))
      .filter(Boolean)
      .slice(0, 3)
      .join('') || 'X';
  const breed = letters(input.breed).slice(0, 3).padEnd(3, 'X');
  return `${skills}-${breed}-${input.year}-${String(input.sequence).padStart(4, '0')}`;
}

export const WORKER_CODE_PATTERN = /^[A-Z]{1,3}-[A-Z]{3}-\d{4}-\d{4,}$/;
