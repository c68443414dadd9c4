import fc from 'fast-check';

// One seed for every property test of a run: CI fixes it through FC_SEED and prints it, so any
// failure replays with `FC_SEED=<seed> pnpm test`.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2_147_483_647;
fc.configureGlobal({ seed, numRuns: process.env.FC_NUM_RUNS ? Number(process.env.FC_NUM_RUNS) : 100 });
