/**
 * Builds better-sqlite3-multiple-ciphers for Electron's ABI into native/electron/, leaving the
 * Node build in node_modules untouched: `npm test` and browser mode keep working after `npm
 * start`, and the other way round. The desktop shell passes the result as `nativeBinding`.
 *
 * Needs Electron's headers (downloaded by node-gyp from electronjs.org), so it runs only on a
 * machine with internet; it is skipped when the build for this Electron version already exists.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const moduleDir = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const outDir = join('native', 'electron');
const stamp = join(outDir, 'electron-version');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === electronVersion) {
  console.log(`native module for Electron ${electronVersion} is up to date`);
  process.exit(0);
}

// npm ships node-gyp; use that one rather than adding another copy.
const npmCli = process.env.npm_execpath;
const bundled = npmCli ? join(dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : '';
const nodeGyp = existsSync(bundled) ? [process.execPath, bundled] : ['npx', 'node-gyp'];

const work = join('native', 'build');
rmSync(work, { recursive: true, force: true });
cpSync(moduleDir, work, {
  recursive: true,
  filter: (p) => p !== join(moduleDir, 'build') && !p.startsWith(join(moduleDir, 'build') + '/'),
});
console.log(`building better-sqlite3-multiple-ciphers for Electron ${electronVersion} …`);
execFileSync(
  nodeGyp[0],
  [
    ...nodeGyp.slice(1),
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
  ],
  { cwd: work, stdio: 'inherit' },
);
mkdirSync(outDir, { recursive: true });
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(outDir, 'better_sqlite3.node'));
writeFileSync(stamp, electronVersion);
rmSync(work, { recursive: true, force: true });
console.log(`wrote ${join(outDir, 'better_sqlite3.node')}`);
