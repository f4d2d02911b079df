import { run } from './main';

declare const __ARIADNE_VERSION__: string;

process.exitCode = run(
  process.argv.slice(2),
  { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
  __ARIADNE_VERSION__,
);
