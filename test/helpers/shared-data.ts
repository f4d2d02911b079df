import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared beside the checkout: real GraphSense data for tests; it never ships to users. */
export const GRAPHSENSE = path.resolve(fileURLToPath(new URL('../../../shared/data/graphsense', import.meta.url)));

export const graphsense = (...parts: string[]) => path.join(GRAPHSENSE, ...parts);
