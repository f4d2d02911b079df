import { run } from '../../db/cli/main';
import { steppingClock } from './workspace';

/** The version the CLI reports under test. */
export const TEST_VERSION = '9.9.9';

/** Runs the CLI in-process, capturing what it prints. */
export async function cli(args: string[], now = steppingClock()) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now }, TEST_VERSION);
  return { code, stdout, stderr };
}
