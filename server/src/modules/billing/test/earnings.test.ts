import { describe, it, expect } from 'vitest';
import { FAILED_ORDER_FINE, earningFor, periodNet } from '../domain/earnings.ts';
import { Money } from '../../../platform/money.ts';

describe('billing: a worker’s period figures (SPEC §8, issue 19)', () => {
  it('earns 60 % of a price, rounded half up per order, and is fined 40.00 per failed order', () => {
    expect(earningFor(Money.parse('100.00')).toString()).toBe('60.00');
    expect(earningFor(Money.parse('0.01')).toString()).toBe('0.01');
    expect(earningFor(Money.parse('0.02')).toString()).toBe('0.01');
    expect(earningFor(Money.parse('33.33')).toString()).toBe('20.00');
    expect(FAILED_ORDER_FINE.toString()).toBe('40.00');
  });

  it('nets earned − fines + rewards + adjustments + tips, in hundredths, each term counted once', () => {
    const zero = { earned: '0', fines: '0', rewards: '0', adjustments: '0', tips: '0' };
    expect(periodNet(zero)).toBe(0n);
    expect(periodNet({ ...zero, earned: '12000' })).toBe(12000n);
    expect(periodNet({ ...zero, fines: '4000' })).toBe(-4000n);
    expect(periodNet({ ...zero, rewards: '150' })).toBe(150n);
    expect(periodNet({ ...zero, adjustments: '4000' })).toBe(4000n);
    expect(periodNet({ ...zero, tips: '3055' })).toBe(3055n);
    expect(periodNet({ earned: '12000', fines: '4000', rewards: '150', adjustments: '4000', tips: '3055' })).toBe(15205n);
    // Beyond a double's exact range: still exact.
    expect(periodNet({ ...zero, earned: '9007199254740993', tips: '1' })).toBe(9007199254740994n);
  });
});
