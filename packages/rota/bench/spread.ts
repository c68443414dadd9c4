// Shared by `pnpm bench:curtois`: the seeds to run and the spread of several runs per instance.

/**
 * `1-4`, `1,3,7`, `2-3,9` → the seeds in order, each once. Seeds are whole numbers from 0 to
 * 2^31 − 1; a range runs upwards. Throws an Error naming `option` and the part it cannot read.
 */
export function parseSeeds(spec: string, option = '--seeds'): number[] {
  const seeds: number[] = [];
  const seen = new Set<number>();
  const add = (n: number) => {
    if (!seen.has(n)) {
      seen.add(n);
      seeds.push(n);
    }
  };
  const whole = (text: string, part: string): number => {
    if (!/^\d+$/.test(text)) throw new Error(`${option}: cannot read "${part}" (give seeds as 1-4 or 1,3,7)`);
    const n = Number(text);
    if (n > 2 ** 31 - 1) throw new Error(`${option}: ${text} is larger than 2147483647`);
    return n;
  };
  for (const raw of spec.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const range = /^(\S+?)\s*-\s*(\S+)$/.exec(part);
    if (range) {
      const from = whole(range[1]!, part);
      const to = whole(range[2]!, part);
      if (to < from) throw new Error(`${option}: the range "${part}" runs downwards`);
      if (to - from >= 1000) throw new Error(`${option}: the range "${part}" has more than 1000 seeds`);
      for (let s = from; s <= to; s++) add(s);
    } else add(whole(part, part));
  }
  if (seeds.length === 0) throw new Error(`${option}: no seed given`);
  return seeds;
}

/** One solve of one instance, as the benchmark records it. */
export interface RunRecord {
  /** Instance name, e.g. `Instance8`. */
  instance: string;
  /** The solve's seed. */
  seed: number;
  /** The best known soft score from bks.csv, if listed. */
  bestKnown?: number | undefined;
  /** Our soft score when the rota is feasible (no hard violation under a fresh evaluation), else null. */
  ours: number | null;
  /** Milliseconds to our best. */
  timeToBestMs: number;
}

/** The runs of one instance summed up. */
export interface Spread {
  instance: string;
  bestKnown?: number | undefined;
  /** Runs in all. */
  runs: number;
  /** Runs whose rota was feasible; min, median and max are over these. */
  feasible: number;
  /** Feasible runs at (or below) the best known score. */
  atBestKnown: number;
  min?: number;
  /** The middle score (the mean of the middle two for an even count). */
  median?: number;
  max?: number;
  /** Gaps to the best known in per cent, of min, median and max (when the best known is listed and not 0). */
  gapPercent?: { min: number; median: number; max: number };
  /** Median milliseconds to our best, over the feasible runs. */
  medianTimeToBestMs?: number;
}

const median = (sorted: readonly number[]): number => {
  const m = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
};

/** The spread of the runs per instance, instances in the order they first appear. */
export function spreadOf(runs: readonly RunRecord[]): Spread[] {
  const byInstance = new Map<string, RunRecord[]>();
  for (const r of runs) {
    const list = byInstance.get(r.instance);
    if (list) list.push(r);
    else byInstance.set(r.instance, [r]);
  }
  return [...byInstance].map(([instance, list]) => {
    const bestKnown = list.find((r) => r.bestKnown !== undefined)?.bestKnown;
    const ok = list.filter((r) => r.ours !== null);
    const scores = ok.map((r) => r.ours!).sort((a, b) => a - b);
    const out: Spread = { instance, bestKnown, runs: list.length, feasible: ok.length, atBestKnown: bestKnown === undefined ? 0 : scores.filter((s) => s <= bestKnown).length };
    if (scores.length > 0) {
      out.min = scores[0]!;
      out.median = median(scores);
      out.max = scores[scores.length - 1]!;
      out.medianTimeToBestMs = median(ok.map((r) => r.timeToBestMs).sort((a, b) => a - b));
      if (bestKnown !== undefined && bestKnown !== 0) {
        const gap = (s: number) => ((s - bestKnown) / bestKnown) * 100;
        out.gapPercent = { min: gap(out.min), median: gap(out.median), max: gap(out.max) };
      }
    }
    return out;
  });
}
