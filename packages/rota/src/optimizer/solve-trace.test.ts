import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { curtoisToProblem, parseCurtois } from '../io/curtois.js';
import { solve } from './solve.js';

const parsed = parseCurtois(readFileSync(fileURLToPath(new URL('../../fixtures/curtois/Instance1.txt', import.meta.url)), 'utf8'));
if (!parsed.ok) throw new Error('fixture Instance1 does not parse');
const { problem, rules } = curtoisToProblem(parsed.instance, { id: 'Instance1' });

describe('solve trace', () => {
  test.each(['off', 'auto'] as const)(
    'given Instance1 for 1.5 s (MIP %s), the trace runs forward in time within the run, each point no worse than the one before, and ends at the result',
    async (mip) => {
      const result = await solve(problem, rules, { timeLimitMs: 1_500, seed: 5, mip });
      const t = result.trace;
      for (let i = 1; i < t.length; i++) {
        expect(t[i]!.ms).toBeGreaterThanOrEqual(t[i - 1]!.ms);
        expect(t[i]!.hard < t[i - 1]!.hard || (t[i]!.hard === t[i - 1]!.hard && t[i]!.soft <= t[i - 1]!.soft)).toBe(true);
      }
      expect(t.at(-1)!.ms).toBeLessThanOrEqual(result.elapsedMs);
      expect(result.elapsedMs).toBeLessThan(1_500 + 500);
      expect([t.at(-1)!.hard, t.at(-1)!.soft]).toEqual([result.score.hard, result.score.soft]);
    },
  );
});
