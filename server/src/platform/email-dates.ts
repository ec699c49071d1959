/*
 * The one way an email writes a moment: in the business time zone
 * (TZ_BUSINESS), in words, with its offset so a reader elsewhere can tell
 * ("Wednesday 2 December 2026, 13:30 (UTC+01:00)"). Intl does the zone
 * arithmetic, daylight saving included; no date library is needed.
 */

const cache = new Map<string, { moment: Intl.DateTimeFormat; day: Intl.DateTimeFormat }>();

function formatters(timeZone: string) {
  let found = cache.get(timeZone);
  if (!found) {
    const day = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone } as const;
    found = {
      moment: new Intl.DateTimeFormat('en-GB', {
        ...day,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'longOffset',
      }),
      day: new Intl.DateTimeFormat('en-GB', day),
    };
    cache.set(timeZone, found);
  }
  return found;
}

function parts(format: Intl.DateTimeFormat, at: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
}

/** "Wednesday 2 December 2026" in `timeZone`. */
export function formatDay(at: Date | string, timeZone: string): string {
  const p = parts(formatters(timeZone).day, new Date(at));
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "Wednesday 2 December 2026, 13:30 (UTC+01:00)" in `timeZone`. */
export function formatMoment(at: Date | string, timeZone: string): string {
  const date = new Date(at);
  const p = parts(formatters(timeZone).moment, date);
  // longOffset writes "GMT+01:00", or plain "GMT" at offset zero.
  const offset = p.timeZoneName === 'GMT' ? 'UTC+00:00' : p.timeZoneName!.replace('GMT', 'UTC');
  return `${formatDay(date, timeZone)}, ${p.hour}:${p.minute} (${offset})`;
}

/**
 * A billing period, `[start, end)` as the ledger keeps it, as the days it
 * covers: "Monday 30 November 2026 to Sunday 6 December 2026" (the last day
 * is the one before the exclusive end).
 */
export function formatPeriod(start: Date | string, end: Date | string, timeZone: string): string {
  return `${formatDay(start, timeZone)} to ${formatDay(new Date(new Date(end).getTime() - 1), timeZone)}`;
}
