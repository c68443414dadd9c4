// pnpm --filter @omsorg/rota bench:presets-mip [--mip auto|off] [--seconds 120] [--seed 1]
// The sample nursing home's årsturnus (examples/nursing-home) under the Norwegian presets of
// `pnpm demo` (all 26 rules; every kind has a MIP encoding), solved with MIP repair (`auto`, what
// `pnpm demo` does) or by the local search alone (`off`): what MIP repair gains on a real annual rota.
// Prints the best score every 10 s, the final score (a fresh `evaluate`) and the score per rule.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { safeParseProblem } from '@omsorg/domain';
import { amlChapter10, combineRules, coreRules, evaluate, ksTurnus } from '@omsorg/rota';
import { solve } from '@omsorg/rota/optimizer';

const { values } = parseArgs({
  options: {
    mip: { type: 'string', default: 'auto' },
    seconds: { type: 'string', default: '120' },
    seed: { type: 'string', default: '1' },
  },
});
const here = dirname(fileURLToPath(import.meta.url));
const parsed = safeParseProblem(JSON.parse(readFileSync(join(here, '..', '..', '..', 'examples', 'nursing-home', 'data', 'sykehjem.json'), 'utf8')));
if (!parsed.ok) throw new Error('the sample problem does not parse');
const rules = combineRules(coreRules(), amlChapter10({ averaging: 'representatives', weeklyNormHours: 38 }), ksTurnus({ longShifts: true, weekendFrequency: 3 }));
console.log(`${parsed.problem.name}: the ${rules.length} rules of pnpm demo; MIP ${values.mip}, ${values.seconds} s, seed ${values.seed}`);
let printed = 0;
const result = await solve(parsed.problem, rules, {
  timeLimitMs: Number(values.seconds) * 1000,
  seed: Number(values.seed),
  mip: values.mip === 'off' ? 'off' : 'auto',
  progressIntervalMs: 1000,
  onProgress: (p) => {
    if (p.elapsedMs - printed < 10_000) return;
    printed = p.elapsedMs;
    console.log(`${(p.elapsedMs / 1000).toFixed(0).padStart(4)} s  best hard ${p.best.hard}, soft ${p.best.soft}`);
  },
});
const check = evaluate(parsed.problem, result.rota, rules);
console.log(`result (${(result.elapsedMs / 1000).toFixed(1)} s): hard ${check.score.hard}, soft ${check.score.soft} (solve reported ${result.score.hard} / ${result.score.soft})`);
for (const r of check.rules) if (r.score) console.log(`  ${r.ruleId.padEnd(24)} ${r.level.padEnd(5)} ${r.score}`);
