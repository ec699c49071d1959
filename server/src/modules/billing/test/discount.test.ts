import { describe, it, expect } from 'vitest';
import { Money } from '../../../platform/money.ts';
import { discountOn, discountRate } from '../domain/discount.ts';

/** SPEC §8, at every boundary: > 10,000 → 5 %; > 20,000 → 6 %; +1 % per further 10,000; at most 12 %. */
describe('cumulative-spend discount', () => {
  const cases: [string, number][] = [
    ['0.00', 0],
    ['9999.99', 0],
    ['10000.00', 0],
    ['10000.01', 5],
    ['20000.00', 5],
    ['20000.01', 6],
    ['30000.00', 6],
    ['30000.01', 7],
    ['40000.00', 7],
    ['40000.01', 8],
    ['50000.01', 9],
    ['60000.01', 10],
    ['70000.00', 10],
    ['70000.01', 11],
    ['80000.00', 11],
    ['80000.01', 12],
    ['1000000.00', 12],
  ];
  for (const [paid, rate] of cases) {
    it(`paid before ${paid} → ${rate} %`, () => expect(discountRate(Money.parse(paid))).toBe(rate));
  }

  it('rounds the discount half up to the hundredth, and never discounts nothing', () => {
    expect(discountOn(Money.parse('100.00'), 5).toString()).toBe('5.00');
    expect(discountOn(Money.parse('0.10'), 5).toString()).toBe('0.01'); // 0.005 → 0.01
    expect(discountOn(Money.parse('0.09'), 5).toString()).toBe('0.00'); // 0.0045 → 0.00
    expect(discountOn(Money.parse('333.33'), 12).toString()).toBe('40.00'); // 39.9996
    expect(discountOn(Money.parse('0.00'), 12).toString()).toBe('0.00');
    expect(discountOn(Money.parse('100.00'), 0).toString()).toBe('0.00');
  });
});
