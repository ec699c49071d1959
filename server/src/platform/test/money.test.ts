import { describe, it, expect } from 'vitest';
import { Money, formatCents } from '../money.ts';

describe('Money', () => {
  it('parses and prints the wire form exactly', () => {
    for (const text of ['0.00', '100.00', '0.05', '-0.05', '123456789012345.99', '-20000.01']) {
      expect(Money.parse(text).toString()).toBe(text);
    }
    expect(Money.parse('100.00').cents).toBe(10_000n);
    expect(Money.parse('-0.05').cents).toBe(-5n);
  });

  it('refuses anything that is not two decimals', () => {
    for (const text of ['100', '100.0', '100.000', '1e3', '', ' 1.00', '1,00', '0.1', 'NaN', '--1.00']) {
      expect(() => Money.parse(text), text).toThrow(RangeError);
    }
  });

  it('refuses fractional hundredths', () => {
    expect(() => Money.fromCents(0.5)).toThrow(RangeError);
    expect(Money.fromCents(12345).toString()).toBe('123.45');
  });

  it('adds, subtracts and multiplies in whole hundredths', () => {
    const a = Money.parse('0.10');
    const b = Money.parse('0.20');
    expect(a.plus(b).toString()).toBe('0.30');
    expect(a.minus(b).toString()).toBe('-0.10');
    expect(Money.parse('100.00').times(3).toString()).toBe('300.00');
  });

  it('takes percentages in basis points, rounding half away from zero', () => {
    expect(Money.parse('100.00').percentOf(500).toString()).toBe('5.00');
    expect(Money.parse('0.10').percentOf(500).toString()).toBe('0.01'); // 0.5 hundredths rounds up
    expect(Money.parse('0.09').percentOf(500).toString()).toBe('0.00'); // 0.45 rounds down
    expect(Money.parse('-0.10').percentOf(500).toString()).toBe('-0.01');
    expect(Money.parse('100.00').percentOf(6000).toString()).toBe('60.00');
  });

  it('compares and serialises as a string', () => {
    expect(Money.parse('1.00').compare(Money.parse('2.00'))).toBe(-1);
    expect(Money.parse('2.00').equals(Money.fromCents(200))).toBe(true);
    expect(JSON.stringify({ price: Money.parse('100.00') })).toBe('{"price":"100.00"}');
    expect(Money.zero().isZero()).toBe(true);
    expect(Money.parse('-1.00').isNegative()).toBe(true);
  });
});

describe('formatCents', () => {
  it('writes a BIGINT column of hundredths in the wire form', () => {
    expect(formatCents('10000')).toBe('100.00');
    expect(formatCents('-5')).toBe('-0.05');
    expect(formatCents(0n)).toBe('0.00');
  });
});
