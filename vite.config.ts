import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: one page, loaded from file:// by Electron and over HTTP by the headless host. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // The graph's layout worker is started with { type: 'module' }.
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // The graph's chunk and its layout worker are mostly Cytoscape (about 600 kB); both load from disk, only when a
    // graph is opened.
    chunkSizeWarningLimit: 700,
  },
});
