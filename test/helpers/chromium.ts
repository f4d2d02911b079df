/**
 * Chromium as the tests and benchmarks launch it (no vitest here: the benchmarks import it too). Debian's
 * Chromium unless ARIADNE_CHROMIUM names another Chromium or Chrome (macOS, Windows).
 */
export const CHROMIUM = process.env.ARIADNE_CHROMIUM || '/usr/bin/chromium';

/** No sandbox (root in CI) and nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;
