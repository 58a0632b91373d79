// `npm run demo`: runs rustgate on a temp copy of the bundled example workspace (examples/ledger), as a user would:
// builds the ISG, shows a two-hop view, blocks a commit whose staged change breaks a bound, proposes a validated
// fix, applies it in the copy, and shows PreFlight green. Nothing outside the temp copy is written.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const cli = path.join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm ci` (it builds) or `npm run build` first.');
  process.exit(2);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'rustgate-demo-'));
cpSync(path.join(root, 'examples', 'ledger'), work, { recursive: true });
const git = (...args) => execFileSync('git', args, { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
git('init', '-q', '-b', 'main');
// A repo-local identity: `debug-bug --apply` commits too, and a new machine may have no global git identity.
git('config', 'user.name', 'rustgate demo');
git('config', 'user.email', 'demo@example.invalid');
git('add', '-A');
git('commit', '-q', '-m', 'ledger example');

/** Runs the CLI in the demo copy, streams its output, and returns its exit code. */
function rustgate(args, { allowFail = false } = {}) {
  console.log(`\n$ rustgate ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...args, '--repo', work], { stdio: 'inherit', env: { ...process.env } });
  if (r.status !== 0 && !allowFail) {
    console.error(`demo: \`rustgate ${args.join(' ')}\` exited ${r.status}`);
    process.exit(r.status ?? 3);
  }
  return r.status;
}

console.log(`rustgate demo on a copy of examples/ledger at ${work}`);
rustgate(['build-isg']);
rustgate(['isg', 'two-hop', 'crates/ledger-app/src/worker.rs-worker-spawn_worker']);

// A change that drops the `Send` bound the thread needs: staged, so the pre-commit gate must block it.
const worker = path.join(work, 'crates/ledger-app/src/worker.rs');
writeFileSync(worker, readFileSync(worker, 'utf8').replace("FnOnce() -> u64 + Send + 'static", "FnOnce() -> u64 + 'static"));
git('add', 'crates/ledger-app/src/worker.rs');
console.log('\n# Staged a change that drops `Send` from spawn_worker\'s job bound.');
const blocked = rustgate(['preflight', '--staged'], { allowFail: true });
console.log(blocked === 1 ? '\n# PreFlight blocked the commit (exit 1).' : `\n# unexpected PreFlight exit ${blocked}`);

console.log('\n# Ask for a validated fix: candidates are checked in a private copy; --apply writes only a passing one.');
const fixed = rustgate(['debug-bug', '--apply'], { allowFail: true });
if (fixed !== 0) process.exit(1);
console.log('\n# The fix was applied and committed; PreFlight on that commit:');
const clean = rustgate(['preflight', '--diff', 'HEAD~1..HEAD', '--tests'], { allowFail: true });
console.log(clean === 0 ? '\n# PreFlight is green: the commit may go ahead.' : `\n# PreFlight still fails (exit ${clean}).`);
if (clean !== 0) process.exit(1);
console.log(`\nDemo finished. The copy stays at ${work} for you to explore.`);
