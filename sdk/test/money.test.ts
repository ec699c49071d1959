import { describe, it, expect } from 'vitest';
import { formatCents, money, pageSize, toCents, type Money } from '@chorecat/sdk';

describe('SDK money helpers', () => {
  it('reads and writes the API money strings exactly', () => {
    const cases: [Money, bigint][] = [
      ['0.00', 0n],
      ['0.01', 1n],
      ['12.50', 1250n],
      ['-0.05', -5n],
      ['-40.00', -4000n],
      ['90071992547409.93', 9007199254740993n], // beyond a double's exact integers
    ];
    for (const [text, cents] of cases) {
      expect(toCents(text), text).toBe(cents);
      expect(formatCents(cents), text).toBe(text);
    }
    // 0.1 + 0.2 in hundredths, not floats.
    expect(formatCents(toCents('0.10') + toCents('0.20'))).toBe('0.30');
  });

  it('refuses what is not an amount with two decimals', () => {
    // The type refuses these already; a value cast past it is still checked.
    for (const bad of ['12', '12.5', '12.505', '1e3', ' 1.00', '+1.00', '', '--1.00', '0x1F.00']) {
      expect(() => toCents(bad as Money), bad).toThrow(RangeError);
      expect(() => money(bad), bad).toThrow(RangeError);
    }
  });

  it('money() passes an amount through unchanged, typed as Money', () => {
    const text: string = '-12.50';
    expect(money(text)).toBe('-12.50');
    expect(toCents(money(text))).toBe(-1250n);
  });
});

describe('SDK page sizes', () => {
  it('takes a computed size from 1 to 100 and refuses anything else', () => {
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
    for (const bad of [0, 101, 2.5, -1, Number.NaN]) expect(() => pageSize(bad), String(bad)).toThrow(RangeError);
  });
});
