#!/usr/bin/env node
// PostToolUse shim: after an Edit/Write of a `.rs` file, runs `rustgate preflight --worktree --format json` within a
// time budget and, when the tree has errors, hands them back to Claude with their ISG keys. All logic is in the CLI.
// Env: RUSTGATE=0 disables it; RUSTGATE_HOOK_BUDGET_S (default 25) caps the run; RUSTGATE_HOOK_CLI (a JSON argv
// array) replaces the CLI command (tests, or a rustgate installed elsewhere).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

if (process.env.RUSTGATE === '0') process.exit(0);
let payload = {};
try {
  payload = JSON.parse(readFileSync(0, 'utf8') || '{}');
} catch {
  process.exit(0); // not a hook payload: nothing to check
}
const file = payload?.tool_input?.file_path ?? payload?.tool_input?.path ?? '';
if (typeof file !== 'string' || !file.endsWith('.rs')) process.exit(0);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.RUSTGATE_HOOK_CLI
  ? JSON.parse(process.env.RUSTGATE_HOOK_CLI)
  : existsSync(path.join(root, 'dist/cli.js'))
    ? [process.execPath, path.join(root, 'dist/cli.js')]
    : ['npx', '--no-install', 'rustgate'];
// Start from the edited file's directory: rustgate walks up to the Cargo workspace root that owns it.
const base = process.env.CLAUDE_PROJECT_DIR || payload.cwd || process.cwd();
const repo = path.dirname(path.resolve(base, file));
const budget = Number(process.env.RUSTGATE_HOOK_BUDGET_S || 25) * 1000;
const r = spawnSync(cli[0], [...cli.slice(1), 'preflight', '--worktree', '--format', 'json', '--repo', repo], { encoding: 'utf8', timeout: budget, maxBuffer: 64 * 1024 * 1024 });
if (r.error || r.signal) {
  process.stderr.write(`rustgate: PreFlight skipped (${r.signal ? `over the ${budget / 1000} s budget` : r.error.message})\n`);
  process.exit(0);
}
if (r.status !== 1) process.exit(0); // 0: clean; 2/3: usage or environment, not the edit's fault
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  process.exit(0);
}
const errors = (report.diagnostics ?? []).filter((d) => d.level === 'error');
const lines = errors.slice(0, 10).map((d) => {
  const where = `${d.file ?? '?'}:${d.line ?? '?'}`;
  const key = d.isg ? ` in ${d.isg.key} (${d.isg.kind} ${d.isg.name})` : '';
  const blast = d.blast_radius?.length ? `; blast radius: ${d.blast_radius.slice(0, 5).join(', ')}` : '';
  return `- ${d.code ?? 'error'} at ${where}${key}: ${String(d.message).split('\n')[0]}${blast}`;
});
if (report.tests && report.tests.failed > 0) lines.push(`- ${report.tests.failed} impacted test(s) failed`);
const more = errors.length > 10 ? `\n(${errors.length - 10} more)` : '';
const reason = `rustgate PreFlight after editing ${path.basename(file)}: ${errors.length} error(s) in the working tree\n${lines.join('\n')}${more}\nUse the rustgate MCP tool context (target: the code or key) before changing the code again, then validate_fix.`;
process.stdout.write(`${JSON.stringify({ decision: 'block', reason })}\n`);
process.exit(0);
