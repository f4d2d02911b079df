import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * Everything that runs under Node or Electron's main side, bundled to CommonJS: Electron main and the engine's
 * utilityProcess (dist/electron), the CLI and the headless host (dist/node). npm packages stay external and
 * are loaded from node_modules, so better-sqlite3 finds its native binary.
 */
const external = ['electron', /^node:/, ...builtinModules, 'better-sqlite3', 'zod', 'playwright-core'];

export default defineConfig({
  define: { __ARIADNE_VERSION__: JSON.stringify(version) },
  build: {
    ssr: true,
    outDir: 'dist',
    // Runs first in npm run build and clears dist, so chunks of an earlier build never linger.
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      input: {
        'electron/main': 'electron/main.ts',
        'electron/engine': 'electron/engine-process.ts',
        'node/cli': 'db/cli/entry.ts',
        'node/serve': 'electron/headless/serve.ts',
      },
      external,
      output: {
        format: 'cjs',
        entryFileNames: '[name].cjs',
        chunkFileNames: 'chunks/[name]-[hash].cjs',
      },
    },
  },
});
