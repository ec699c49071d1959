import { describe, it, expect } from 'vitest';
import { formatDay, formatMoment, formatPeriod } from '../email-dates.ts';

describe('the one date formatter of emails', () => {
  it('writes a moment in words in the business time zone, with its offset', () => {
    expect(formatMoment('2026-12-02T12:30:01Z', 'Europe/Paris')).toBe('Wednesday 2 December 2026, 13:30 (UTC+01:00)');
    expect(formatMoment('2026-12-02T12:30:01Z', 'UTC')).toBe('Wednesday 2 December 2026, 12:30 (UTC+00:00)');
    expect(formatMoment('2026-12-02T12:30:00Z', 'Asia/Kolkata')).toBe('Wednesday 2 December 2026, 18:00 (UTC+05:30)');
    // The business day, not UTC's: 23:30 UTC is already Thursday in Paris and still Wednesday in New York.
    expect(formatMoment('2026-12-02T23:30:00Z', 'Europe/Paris')).toBe('Thursday 3 December 2026, 00:30 (UTC+01:00)');
    expect(formatMoment('2026-12-03T03:30:00Z', 'America/New_York')).toBe('Wednesday 2 December 2026, 22:30 (UTC-05:00)');
  });

  it('follows Europe/Paris across its March and October changes', () => {
    // 29 March 2026: 02:00 becomes 03:00.
    expect(formatMoment('2026-03-29T00:59:00Z', 'Europe/Paris')).toBe('Sunday 29 March 2026, 01:59 (UTC+01:00)');
    expect(formatMoment('2026-03-29T01:00:00Z', 'Europe/Paris')).toBe('Sunday 29 March 2026, 03:00 (UTC+02:00)');
    // 25 October 2026: 03:00 becomes 02:00, so 02:30 happens twice and only the offset tells them apart.
    expect(formatMoment('2026-10-25T00:30:00Z', 'Europe/Paris')).toBe('Sunday 25 October 2026, 02:30 (UTC+02:00)');
    expect(formatMoment('2026-10-25T01:30:00Z', 'Europe/Paris')).toBe('Sunday 25 October 2026, 02:30 (UTC+01:00)');
  });

  it('writes a day, and a [start, end) period as the days it covers', () => {
    expect(formatDay(new Date('2026-12-02T23:30:00Z'), 'Europe/Paris')).toBe('Thursday 3 December 2026');
    // A business week in Paris: Monday 00:00 to the next Monday 00:00 (exclusive).
    expect(formatPeriod('2026-11-29T23:00:00Z', '2026-12-06T23:00:00Z', 'Europe/Paris')).toBe(
      'Monday 30 November 2026 to Sunday 6 December 2026',
    );
    // A month across the October change: 1 October 00:00 (+02:00) to 1 November 00:00 (+01:00).
    expect(formatPeriod('2026-09-30T22:00:00Z', '2026-10-31T23:00:00Z', 'Europe/Paris')).toBe(
      'Thursday 1 October 2026 to Saturday 31 October 2026',
    );
  });
});
