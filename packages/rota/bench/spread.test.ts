import { describe, expect, it } from 'vitest';
import { parseSeeds, type RunRecord, spreadOf } from './spread.js';

describe('parseSeeds', () => {
  it('reads ranges and lists, in order, each seed once', () => {
    expect(parseSeeds('1-4')).toEqual([1, 2, 3, 4]);
    expect(parseSeeds('1,3,7')).toEqual([1, 3, 7]);
    expect(parseSeeds(' 2 - 3 , 9, 3 ')).toEqual([2, 3, 9]);
    expect(parseSeeds('5')).toEqual([5]);
    expect(parseSeeds('0')).toEqual([0]);
  });

  it('names what it cannot read', () => {
    expect(() => parseSeeds('4-1')).toThrow('--seeds: the range "4-1" runs downwards');
    expect(() => parseSeeds('1,x')).toThrow('--seeds: cannot read "x"');
    expect(() => parseSeeds('-3')).toThrow('--seeds: cannot read "-3"');
    expect(() => parseSeeds('1.5')).toThrow('--seeds: cannot read "1.5"');
    expect(() => parseSeeds(' , ')).toThrow('--seeds: no seed given');
    expect(() => parseSeeds('1-5000')).toThrow('more than 1000 seeds');
    expect(() => parseSeeds('3000000000')).toThrow('larger than 2147483647');
    expect(() => parseSeeds('x', '--seed')).toThrow('--seed: cannot read "x"');
  });
});

describe('spreadOf', () => {
  const run = (instance: string, seed: number, ours: number | null, bestKnown?: number, timeToBestMs = 1000): RunRecord => ({ instance, seed, ours, bestKnown, timeToBestMs });

  it('gives min, median, max, runs at the best known and gaps per instance, in first-seen order', () => {
    const spread = spreadOf([
      run('Instance8', 1, 1312, 1300, 40_000),
      run('Instance12', 1, 4048, 4040, 30_000),
      run('Instance8', 2, 1300, 1300, 50_000),
      run('Instance8', 3, 1306, 1300, 45_000),
      run('Instance8', 4, 1407, 1300, 20_000),
      run('Instance12', 2, null, 4040, 60_000),
    ]);
    expect(spread.map((s) => s.instance)).toEqual(['Instance8', 'Instance12']);
    const [eight, twelve] = spread;
    expect(eight).toMatchObject({ bestKnown: 1300, runs: 4, feasible: 4, atBestKnown: 1, min: 1300, median: 1309, max: 1407, medianTimeToBestMs: 42_500 });
    expect(eight!.gapPercent!.min).toBe(0);
    expect(eight!.gapPercent!.median).toBeCloseTo((9 / 1300) * 100, 10);
    expect(eight!.gapPercent!.max).toBeCloseTo((107 / 1300) * 100, 10);
    // An infeasible run counts as a run, not in the scores.
    expect(twelve).toMatchObject({ runs: 2, feasible: 1, atBestKnown: 0, min: 4048, median: 4048, max: 4048, medianTimeToBestMs: 30_000 });
  });

  it('leaves out what it cannot know', () => {
    const [noBks] = spreadOf([run('Other', 1, 50), run('Other', 2, 70)]);
    expect(noBks).toMatchObject({ runs: 2, feasible: 2, atBestKnown: 0, min: 50, median: 60, max: 70 });
    expect(noBks!.bestKnown).toBeUndefined();
    expect(noBks!.gapPercent).toBeUndefined();
    const [none] = spreadOf([run('Broken', 1, null, 10)]);
    expect(none).toMatchObject({ runs: 1, feasible: 0, atBestKnown: 0 });
    expect(none!.min).toBeUndefined();
    expect(none!.median).toBeUndefined();
    expect(spreadOf([])).toEqual([]);
  });
});
