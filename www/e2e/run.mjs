// `npm test`: builds the page when dist/ is missing or older than the sources, runs the unit
// tests (vitest), then the browser journeys with node's test runner (its summary ends the output).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const www = new URL('..', import.meta.url).pathname;
const newest = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
  const p = join(dir, e.name);
  return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
}, 0);
const built = join(www, 'dist/index.html');
const pkg = join(www, '../pkg');
const inputs = [join(www, 'src'), join(www, 'index.html'), ...(existsSync(pkg) ? [pkg] : [])];
const stale = !existsSync(built) || inputs.some((p) => (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs) > statSync(built).mtimeMs);
if (stale || process.env.E2E_BUILD === '1') {
  const b = spawnSync('npm', ['run', 'build'], { cwd: www, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
// unit tests of the page's own logic (CSV import, workspace encoding) first
const u = spawnSync(process.execPath, [join(www, 'node_modules/vitest/vitest.mjs'), 'run', 'src'], { cwd: www, stdio: 'inherit' });
if (u.status !== 0) process.exit(u.status ?? 1);
const files = readdirSync(join(www, 'e2e')).filter((f) => f.endsWith('.test.mjs')).map((f) => join(www, 'e2e', f));
const t = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], { cwd: www, stdio: 'inherit' });
process.exit(t.status ?? 1);
