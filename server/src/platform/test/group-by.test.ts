import { describe, it, expect } from 'vitest';
import { groupBy } from '../group-by.ts';

describe('groupBy', () => {
  it('groups rows by key in one pass, each group in the rows’ order, keys in first-seen order', () => {
    const rows = [
      { invoice: 'b', n: 1 },
      { invoice: 'a', n: 2 },
      { invoice: 'b', n: 3 },
    ];
    const groups = groupBy(rows, (r) => r.invoice);
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')!.map((r) => r.n)).toEqual([1, 3]);
    expect(groups.get('a')!.map((r) => r.n)).toEqual([2]);
    expect(groups.get('c')).toBeUndefined();
    expect(groupBy([], (r: { k: string }) => r.k).size).toBe(0);
  });
});
