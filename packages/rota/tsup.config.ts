import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'optimizer/index': 'src/optimizer/index.ts', 'optimizer/worker': 'src/optimizer/worker.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
});
