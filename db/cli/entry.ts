import { run } from './main';

declare const __ARIADNE_VERSION__: string;

const progress = process.stderr.isTTY ? (text: string) => process.stderr.write(`\r\u001b[2K${text}`) : undefined;

void run(
  process.argv.slice(2),
  {
    stdout: (t) => {
      if (progress) process.stderr.write('\r\u001b[2K');
      process.stdout.write(t);
    },
    stderr: (t) => process.stderr.write(t),
    progress,
  },
  __ARIADNE_VERSION__,
).then((code) => {
  process.exitCode = code;
});
