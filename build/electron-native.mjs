#!/usr/bin/env node
/**
 * Makes sure a better-sqlite3 binary for Electron's ABI exists, without touching
 * node_modules/better-sqlite3/build (Node's binary, used by the tests and the CLI). `npm start` runs it
 * before Electron, so `npm start` and `npm test` work in either order.
 *
 * The copy lives in node_modules/.ariadne-electron/<electron version>/node_modules/better-sqlite3, where
 * electron/main.ts looks for build/Release/better_sqlite3.node in development. It is rebuilt when missing
 * or when it was made from another better-sqlite3 version than the one installed (the JavaScript that loads
 * it comes from node_modules/better-sqlite3).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';

function fail(message) {
  console.error(`electron-native: ${message}`);
  process.exit(1);
}

function readVersion(packageJson) {
  try {
    return JSON.parse(fs.readFileSync(packageJson, 'utf8')).version;
  } catch {
    return undefined;
  }
}

const electronVersion = readVersion(path.join(repo, 'node_modules', 'electron', 'package.json'));
if (!electronVersion) fail('node_modules/electron is missing; run npm install first.');
const sourceDir = path.join(repo, 'node_modules', 'better-sqlite3');
const sqliteVersion = readVersion(path.join(sourceDir, 'package.json'));
if (!sqliteVersion) fail('node_modules/better-sqlite3 is missing; run npm install first.');

const targetDir = path.join(
  repo,
  'node_modules',
  '.ariadne-electron',
  electronVersion,
  'node_modules',
  'better-sqlite3',
);
const binary = path.join(targetDir, 'build', 'Release', 'better_sqlite3.node');
const shown = path.relative(repo, binary);

if (fs.existsSync(binary) && readVersion(path.join(targetDir, 'package.json')) === sqliteVersion) {
  console.log(`electron-native: ${shown} is ready (better-sqlite3 ${sqliteVersion}, Electron ${electronVersion}).`);
  process.exit(0);
}

console.log(
  `electron-native: building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.arch}) in ${path.relative(repo, targetDir)}`,
);
fs.rmSync(targetDir, { recursive: true, force: true });
fs.cpSync(sourceDir, targetDir, {
  recursive: true,
  // Node's build must not be copied: a stale Node-ABI binary there would look like success.
  filter: (file) => path.relative(sourceDir, file).split(path.sep)[0] !== 'build',
});

function run(label, command, args, cwd) {
  console.log(`electron-native: ${label}: ${command} ${args.join(' ')}`);
  // npx is a .cmd script on Windows, which only a shell can start; the shell then needs quoted arguments.
  const viaShell = isWindows && command === 'npx';
  const result = viaShell
    ? spawnSync([command, ...args].map((arg) => `"${arg}"`).join(' '), { cwd, stdio: 'inherit', shell: true })
    : spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.error) console.error(`electron-native: ${label} could not start: ${result.error.message}`);
  return result.status === 0 && fs.existsSync(binary);
}

/** node-gyp as npm would run it: npm's own setting, then the copy bundled with npm, then npx. */
function nodeGypCommand() {
  if (process.env.npm_config_node_gyp) return [process.execPath, [process.env.npm_config_node_gyp]];
  const bundled = (prefix) =>
    path.join(prefix, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const nodeDir = path.dirname(process.execPath);
  const candidates = [isWindows ? bundled(nodeDir) : bundled(path.join(nodeDir, '..', 'lib'))];
  const prefix = spawnSync('npm prefix -g', { encoding: 'utf8', shell: true });
  if (prefix.status === 0 && prefix.stdout.trim()) {
    const globalPrefix = prefix.stdout.trim();
    candidates.push(isWindows ? bundled(globalPrefix) : bundled(path.join(globalPrefix, 'lib')));
  }
  const found = candidates.find((file) => fs.existsSync(file));
  return found ? [process.execPath, [found]] : ['npx', ['node-gyp']];
}

const electronTarget = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${process.arch}`];

const prebuilt = run(
  'prebuilt binary',
  process.execPath,
  [path.join(repo, 'node_modules', 'prebuild-install', 'bin.js'), ...electronTarget],
  targetDir,
);

if (!prebuilt) {
  console.log('electron-native: no prebuilt binary; compiling from source (needs a C++ toolchain and Python).');
  const [command, prefixArgs] = nodeGypCommand();
  const compiled = run(
    'compile',
    command,
    [
      ...prefixArgs,
      'rebuild',
      '--release',
      ...electronTarget,
      '--dist-url=https://electronjs.org/headers',
      `--directory=${targetDir}`,
    ],
    repo,
  );
  if (!compiled) {
    fail(
      `could not get better-sqlite3 for Electron ${electronVersion}: both the prebuilt download and the ` +
        "source build failed (see above). Both need the network the first time (the binary, or Electron's " +
        "headers). Node's own binary in node_modules/better-sqlite3/build was not touched.",
    );
  }
}

console.log(`electron-native: ${shown} is ready.`);
