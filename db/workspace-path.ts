import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Ariadne';

/**
 * The folder Electron's app.getPath('userData') gives for our product name, so the CLI and the headless host
 * open the same workspace as the desktop app when no --db is given.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32')
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), PRODUCT_NAME);
}

export const WORKSPACE_FILE = 'workspace.db';

export function defaultWorkspacePath(): string {
  return path.join(defaultUserDataDir(), WORKSPACE_FILE);
}
