// Fails when dist/index.js is not what scripts/build-action.mjs builds from the current sources (CI check).
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAction } from './build-action.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const committed = resolve(root, 'dist/index.js');
const dir = mkdtempSync(join(tmpdir(), 'rustgate-dist-'));
try {
  const fresh = await buildAction(join(dir, 'index.js'));
  if (!existsSync(committed) || !readFileSync(fresh).equals(readFileSync(committed))) {
    console.error('dist/ is stale: run node scripts/build-action.mjs');
    process.exitCode = 1;
  } else {
    console.log('dist/index.js is up to date');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
