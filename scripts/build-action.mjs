// Builds what ships without an install step: the GitHub Action (dist/index.js) and the bundled rustgate CLI
// (dist/bundle/: the npm package's `bin`, the Action's CLI, and the Claude Code plugin's MCP server and hook), with
// esbuild.
//
// The bundled CLI is dist/bundle/cli.js with its chunks (chunk-*.js) and two worker entries, and dist/bundle/vendor/
// holds the only parts that cannot be bundled: tree-sitter and tree-sitter-rust (N-API prebuilds for linux/darwin/win32
// × x64/arm64, loaded by node-gyp-build) and cozo-lib-wasm (a .wasm file). node-llama-cpp stays out: it is an optional
// peer the user installs for `--llm local`.
//
// Why vendor/ and not node_modules/: `npm pack` never packs a nested node_modules folder, and the npm package runs this
// bundle with no runtime dependencies. So nothing here is found by Node's package resolution: the bundle's imports of
// tree-sitter and tree-sitter-rust are rewritten to relative paths into vendor/ (vendorPlugin), node-gyp-build is
// required by a relative path from the two vendored packages (VENDOR_REQUIRES, checked at build time), and
// src/store/cozo-engine.ts looks for the wasm in vendor/ beside its bundle location.
//
// import.meta.url: every source module is compiled as if it still lived where tsc puts it (dist/<path>.js), so
// package-relative lookups (package.json, patterns/, models/, hooks/) work unchanged; the few modules that locate
// code at run time (worker entries, the wasm module) see their place inside dist/bundle/ instead.
// Usage: node scripts/build-action.mjs [outdir]   (default: dist/)
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Modules that find code (not package files) next to themselves: they keep their bundle-relative location. */
const CODE_LOCATORS = new Set(['adapters/rust-parser/pool.ts', 'adapters/llm/local.ts', 'store/cozo-engine.ts']);

/** Optional packages the bundle leaves to the user's install (Node's resolution from wherever the bundle lives). */
const EXTERNAL = ['node-llama-cpp', 'hnswlib-node', 'tsx', 'tsx/*'];

/** What is copied from node_modules into dist/bundle/vendor: package → files and folders. */
const VENDOR = {
  'tree-sitter': ['package.json', 'index.js', 'LICENSE', 'prebuilds'],
  'tree-sitter-rust': ['package.json', 'LICENSE', 'bindings/node/index.js', 'prebuilds', 'src/node-types.json'],
  'node-gyp-build': ['package.json', 'index.js', 'node-gyp-build.js', 'LICENSE'],
  'cozo-lib-wasm': ['package.json', 'cozo_lib_wasm.js', 'cozo_lib_wasm_bg.wasm'],
};

/** The bundle's imports of vendored packages → their entry file under vendor/ (each package's `main`). */
const VENDOR_IMPORTS = { 'tree-sitter': 'tree-sitter/index.js', 'tree-sitter-rust': 'tree-sitter-rust/bindings/node/index.js' };

/**
 * The one bare `require` inside vendored files: node-gyp-build, which vendor/ cannot resolve by name. Rewritten to a
 * relative path; the build fails if a dependency update changes the text, instead of shipping a bundle that cannot load.
 */
const VENDOR_REQUIRES = {
  'tree-sitter/index.js': ["require('node-gyp-build')", "require('../node-gyp-build/index.js')"],
  'tree-sitter-rust/bindings/node/index.js': ['require("node-gyp-build")', 'require("../../../node-gyp-build/index.js")'],
};

const banner = "import { createRequire as __rgCreateRequire } from 'node:module';\nconst require = __rgCreateRequire(import.meta.url);";

/** Rewrites import.meta.url per source module (see the header). `bundleDepth` is how deep the output file sits in dist/bundle/. */
function metaUrlPlugin(bundleDepth) {
  return {
    name: 'rustgate-meta-url',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
        const rel = relative(join(root, 'src'), args.path).split(sep).join('/');
        const js = rel.replace(/\.ts$/, '.js');
        const up = '../'.repeat(bundleDepth);
        // From the output file: up to dist/bundle/, then either into the bundle mirror or one more up to dist/.
        const target = CODE_LOCATORS.has(rel) ? `./${up}${js}` : `./${up}../${js}`;
        const decl = `const __rgMetaUrl = new URL(${JSON.stringify(target)}, import.meta.url).href;\n`;
        const body = text.split('import.meta.url').join('__rgMetaUrl');
        const shebang = /^#!.*\n/.exec(body)?.[0] ?? '';
        return { contents: shebang + decl + body.slice(shebang.length), loader: 'ts' };
      });
    },
  };
}

/** Points the bundle's imports of tree-sitter and tree-sitter-rust at vendor/, relative to the output file. */
function vendorPlugin(bundleDepth) {
  return {
    name: 'rustgate-vendor',
    setup(b) {
      b.onResolve({ filter: /^tree-sitter(-rust)?$/ }, (args) => ({
        path: `./${'../'.repeat(bundleDepth)}vendor/${VENDOR_IMPORTS[args.path]}`,
        external: true,
      }));
    },
  };
}

/** Copies VENDOR into `dir`, with VENDOR_REQUIRES applied. */
function copyVendor(dir) {
  for (const [pkg, parts] of Object.entries(VENDOR)) {
    for (const part of parts) cpSync(join(root, 'node_modules', pkg, part), join(dir, pkg, part), { recursive: true });
  }
  for (const [file, [from, to]] of Object.entries(VENDOR_REQUIRES)) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (text.split(from).length !== 2) throw new Error(`${file}: expected exactly one ${from} to point at vendor/ (did the package change?)`);
    writeFileSync(join(dir, file), text.replace(from, to));
  }
}

/** The CLI bundle's entry: src/cli.ts sees itself at dist/cli.js, so its "am I the entry" check is false here. */
const CLI_ENTRY = `#!/usr/bin/env node
import { main } from './src/cli.ts';
import { processIO, renderError } from './src/cli/io.ts';
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.exitCode = renderError(processIO, e); },
);
`;

/**
 * Bundles one entry. The CLI is split (ESM chunks beside cli.js, loaded by the source's own dynamic imports), so that a
 * command loads only what it uses: `--version` or a hook with nothing to check starts as fast as the tsc build instead
 * of parsing all 3 MB and loading the tree-sitter natives first. Chunks sit at the bundle's top level, the depth of
 * cli.js, which the import.meta.url rewrite of the modules inside them relies on.
 */
async function bundleEntry(entry, outfile, bundleDepth) {
  const cli = entry === 'src/cli.ts';
  await build({
    ...(cli
      ? { stdin: { contents: CLI_ENTRY, resolveDir: root, sourcefile: 'bundle-entry.ts', loader: 'ts' }, outdir: dirname(outfile), splitting: true, entryNames: 'cli', chunkNames: 'chunk-[hash]' }
      : { entryPoints: [resolve(root, entry)], outfile }),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: EXTERNAL,
    banner: { js: banner },
    legalComments: 'eof',
    logLevel: 'warning',
    absWorkingDir: root,
    plugins: [metaUrlPlugin(bundleDepth), vendorPlugin(bundleDepth)],
  });
}

/** Builds the Action bundle and the CLI bundle into `outdir` (default dist/). Deterministic for a given lock file. */
export async function buildAction(outdir = resolve(root, 'dist')) {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [resolve(root, 'src/action/index.ts')],
    outfile: join(outdir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Some bundled CommonJS dependencies call require() for Node built-ins; ESM output needs a real require.
    banner: { js: banner },
    legalComments: 'eof',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  const bundle = join(outdir, 'bundle');
  rmSync(bundle, { recursive: true, force: true });
  await bundleEntry('src/cli.ts', join(bundle, 'cli.js'), 0);
  await bundleEntry('src/adapters/rust-parser/worker.ts', join(bundle, 'adapters/rust-parser/worker.js'), 2);
  await bundleEntry('src/adapters/llm/worker.ts', join(bundle, 'adapters/llm/worker.js'), 2);
  copyVendor(join(bundle, 'vendor'));
  // No package.json in dist/bundle: the repository's (type: module) stays the package root for patterns/, models/.
  writeFileSync(join(bundle, 'README.md'), 'Generated by scripts/build-action.mjs: the bundled rustgate CLI. Do not edit.\n');
  return outdir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildAction(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`built ${out}/index.js and ${out}/bundle/`);
}
