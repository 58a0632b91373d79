#!/usr/bin/env node
// PostToolUse shim: after an Edit/Write of a `.rs` file, runs `rustgate preflight --worktree --format json` within a
// time budget and tells Claude what it found: errors with their ISG keys as a blocking reason, a clean tree or "could
// not check" (budget, missing CLI, not a workspace) as additional context — never silence. All logic is in the CLI.
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

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Tells Claude something without blocking (PostToolUse additionalContext), then ends the hook. */
function tell(text) {
  process.stdout.write(`${JSON.stringify({ hookSpecificOutput: { hookEventName: 'PostToolUse', additionalContext: text } })}\n`);
  process.exit(0);
}

// The bundled CLI ships with the plugin (no install or build step in the plugin cache); a source checkout may
// have a tsc build instead.
const shipped = [path.join(root, 'dist/bundle/cli.js'), path.join(root, 'dist/cli.js')].find((p) => existsSync(p));
let cli;
if (process.env.RUSTGATE_HOOK_CLI) cli = JSON.parse(process.env.RUSTGATE_HOOK_CLI);
else if (shipped) cli = [process.execPath, shipped];
else tell(`rustgate PreFlight did NOT check ${path.basename(file)}: the rustgate CLI is missing from the plugin at ${root} (dist/bundle/cli.js). Reinstall the plugin; until then, run cargo check yourself.`);
// Start from the edited file's directory: rustgate walks up to the Cargo workspace root that owns it.
const base = process.env.CLAUDE_PROJECT_DIR || payload.cwd || process.cwd();
const repo = path.dirname(path.resolve(base, file));
const budget = Number(process.env.RUSTGATE_HOOK_BUDGET_S || 25) * 1000;
const r = spawnSync(cli[0], [...cli.slice(1), 'preflight', '--worktree', '--format', 'json', '--repo', repo], { encoding: 'utf8', timeout: budget, maxBuffer: 64 * 1024 * 1024 });
if (r.error || r.signal) {
  const why = r.signal ? `it ran over the ${budget / 1000} s budget (RUSTGATE_HOOK_BUDGET_S)` : `the CLI could not start (${r.error.message})`;
  tell(`rustgate PreFlight did NOT check ${path.basename(file)}: ${why}. The edit is unchecked: run the rustgate MCP tool preflight, or cargo check, before relying on it.`);
}
if (r.status !== 0 && r.status !== 1) {
  // 2: usage or environment (not a Cargo workspace, cargo missing, a lock); 3: a rustgate bug. Not the edit's fault.
  const cause = String(r.stderr || '').trim().split('\n').slice(0, 4).join(' ');
  tell(`rustgate PreFlight did NOT check ${path.basename(file)} (exit ${r.status}): ${cause || 'no message'}`);
}
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  tell(`rustgate PreFlight did NOT check ${path.basename(file)}: the CLI printed no JSON report.`);
}
const errors = (report.diagnostics ?? []).filter((d) => d.level === 'error');
if (r.status === 0 || errors.length === 0) {
  const tests = report.tests ? `, impacted tests ${report.tests.passed}/${report.tests.ran} passed` : '';
  const where = report.mode === 'in_place' ? 'in place' : 'in a private copy';
  tell(`rustgate PreFlight after editing ${path.basename(file)}: the working tree compiles (cargo check ${where}${tests}).`);
}
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
