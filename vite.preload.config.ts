import { defineConfig } from 'vite';

/** A sandboxed preload may only require('electron'): bundle it to one CommonJS file with nothing else external. */
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist/electron',
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      input: { preload: 'electron/preload.ts' },
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
    },
  },
  ssr: { noExternal: true },
});
