import { describe, it, expect } from 'vitest';
import { PlatformClock } from '../clock.ts';
import { addIsoDuration } from '../sandbox-clock.ts';
import { nextCronOccurrence } from '../scheduler.ts';
import { AppError } from '../errors.ts';

describe('PlatformClock', () => {
  it('adds a forward-only offset to the base time', () => {
    let base = 1_000_000;
    const clock = new PlatformClock(() => base);
    clock.setOffset(500);
    expect(clock.now().getTime()).toBe(1_000_500);
    clock.setOffset(100); // backwards: ignored
    expect(clock.now().getTime()).toBe(1_000_500);
    base += 10;
    expect(clock.now().getTime()).toBe(1_000_510);
    clock.moveTo(new Date(2_000_000));
    expect(clock.now().getTime()).toBe(2_000_000);
  });

  it('reads the as-of time inside runAt, and ticks on from it', async () => {
    let base = 5_000;
    const clock = new PlatformClock(() => base);
    const seen = await clock.runAt(new Date('2026-01-04T23:00:00Z'), async () => {
      const first = clock.now().toISOString();
      base += 250;
      return [first, clock.now().toISOString()];
    });
    expect(seen).toEqual(['2026-01-04T23:00:00.000Z', '2026-01-04T23:00:00.250Z']);
    expect(clock.now().getTime()).toBe(5_250);
  });
});

describe('ISO 8601 durations for the sandbox clock', () => {
  const from = new Date('2026-01-31T10:00:00Z');
  it.each([
    ['PT1H', '2026-01-31T11:00:00.000Z'],
    ['PT90M', '2026-01-31T11:30:00.000Z'],
    ['P1D', '2026-02-01T10:00:00.000Z'],
    ['P1W', '2026-02-07T10:00:00.000Z'],
    ['P1DT2H3M4S', '2026-02-01T12:03:04.000Z'],
    ['P1Y', '2027-01-31T10:00:00.000Z'],
  ])('%s', (duration, expected) => {
    expect(addIsoDuration(from, duration).toISOString()).toBe(expected);
  });

  it('refuses what is not a duration', () => {
    for (const bad of ['P', 'PT', '1D', 'P1H', 'P-1D', 'P1.5D']) expect(() => addIsoDuration(from, bad), bad).toThrow(AppError);
  });
});

describe('calendar schedules', () => {
  it('finds Sunday 23:00 in the business time zone', () => {
    // Wednesday 2026-01-07 → Sunday 2026-01-11 23:00 in Paris = 22:00 UTC
    expect(nextCronOccurrence('0 23 * * 0', 'Europe/Paris', new Date('2026-01-07T12:00:00Z')).toISOString()).toBe(
      '2026-01-11T22:00:00.000Z',
    );
    expect(nextCronOccurrence('0 23 * * 0', 'UTC', new Date('2026-01-11T23:00:00Z')).toISOString()).toBe('2026-01-18T23:00:00.000Z');
  });

  it('answers the same within a worked-out interval, and works out again at its end or before its start', () => {
    const next = (iso: string) => nextCronOccurrence('0 23 * * 0', 'Europe/Paris', new Date(iso)).toISOString();
    // Summer time starts on Sunday 2026-03-29 at 02:00: that evening's 23:00 in Paris is 21:00 UTC.
    expect(next('2026-03-25T12:00:00Z')).toBe('2026-03-29T21:00:00.000Z');
    expect(next('2026-03-29T20:59:59.999Z')).toBe('2026-03-29T21:00:00.000Z');
    // At the occurrence itself the next one is a week on.
    expect(next('2026-03-29T21:00:00Z')).toBe('2026-04-05T21:00:00.000Z');
    expect(next('2026-04-01T08:00:00Z')).toBe('2026-04-05T21:00:00.000Z');
    // A sandbox clock set back: before the interval's start, in winter time again.
    expect(next('2026-03-20T10:00:00Z')).toBe('2026-03-22T22:00:00.000Z');
  });

  it('finds the last day of the month', () => {
    expect(nextCronOccurrence('0 23 L * *', 'UTC', new Date('2026-02-10T00:00:00Z')).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(nextCronOccurrence('0 23 L * *', 'UTC', new Date('2028-02-10T00:00:00Z')).toISOString()).toBe('2028-02-29T23:00:00.000Z');
  });
});
