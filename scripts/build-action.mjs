// Bundles the GitHub Action (src/action/index.ts) into one ESM file, dist/index.js, with esbuild.
// Only the Action's own code is bundled (@actions/core, @actions/github, execa); the rustgate CLI with its
// native addons runs as a child process (see src/action/runner.ts). Usage: node scripts/build-action.mjs [outfile]
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the bundle to `outfile` (default dist/index.js). Deterministic for a given lock file. */
export async function buildAction(outfile = resolve(root, 'dist/index.js')) {
  await build({
    entryPoints: [resolve(root, 'src/action/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Some bundled CommonJS dependencies call require() for Node built-ins; ESM output needs a real require.
    banner: { js: "import { createRequire as __rgCreateRequire } from 'node:module';\nconst require = __rgCreateRequire(import.meta.url);" },
    legalComments: 'eof',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildAction(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`built ${out}`);
}
