// Fails when the committed bundles (dist/index.js and dist/bundle/) are not what scripts/build-action.mjs builds
// from the current sources and lock file (CI check). Compares every file, both ways.
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAction } from './build-action.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every file under `dir`, relative to `base`. */
function files(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), base) : [relative(base, join(dir, e.name))]));
}

const dir = mkdtempSync(join(tmpdir(), 'rustgate-dist-'));
try {
  await buildAction(dir);
  const fresh = ['index.js', ...files(join(dir, 'bundle')).map((f) => join('bundle', f))].sort();
  const committed = new Set(['index.js', ...files(join(root, 'dist/bundle')).map((f) => join('bundle', f))]);
  const stale = fresh.filter((f) => !existsSync(join(root, 'dist', f)) || !readFileSync(join(dir, f)).equals(readFileSync(join(root, 'dist', f))));
  const extra = [...committed].filter((f) => !fresh.includes(f));
  if (stale.length > 0 || extra.length > 0) {
    console.error(`dist/ is stale (${[...stale, ...extra.map((f) => `${f} (not built)`)].slice(0, 10).join(', ')}): run node scripts/build-action.mjs`);
    process.exitCode = 1;
  } else {
    console.log(`dist/index.js and dist/bundle/ (${fresh.length - 1} files) are up to date`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
