/**
 * The one place that lists the test projects. vitest 4 reads projects from `test.projects` in
 * vitest.config.ts, which imports this list.
 */
import { defineProject } from 'vitest/config';

/** Resolve workspace packages to their TypeScript source, so tests never need a prior build. */
const sourceConditions = { resolve: { conditions: ['@omsorg/source'] }, ssr: { resolve: { conditions: ['@omsorg/source'] } } };

function project(name: string, root: string) {
  return defineProject({
    ...sourceConditions,
    test: {
      name,
      root,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
      setupFiles: [new URL('./vitest.setup.ts', import.meta.url).pathname],
    },
  });
}

export const projects = [
  project('domain', './packages/domain'),
  project('rota', './packages/rota'),
  project('competence', './packages/competence'),
  project('events', './packages/events'),
  project('events-testkit', './packages/events-testkit'),
  project('adapter-sia-dc09', './adapters/sia-dc09'),
];
