import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/**
 * Benchmarks are TypeScript like the rest of the engine, and Node 20 cannot run TypeScript: they are bundled
 * to CommonJS the way the CLI is (vite.node.config.ts), into dist/bench, and run with plain node. They live
 * outside test/**\/*.test.ts, so `npm test` never runs them.
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist/bench',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      input: {
        import: 'test/bench/import-bench.ts',
        trace: 'test/bench/trace-bench.ts',
        graph: 'test/bench/graph-bench.ts',
        report: 'test/bench/report-bench.ts',
      },
      external: [/^node:/, ...builtinModules, 'better-sqlite3', 'playwright-core'],
      output: { format: 'cjs', entryFileNames: '[name].cjs' },
    },
  },
});
