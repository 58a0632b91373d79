/** Helpers of the validate-fix, prove-fix, context and MCP tests: temp repos from the calc fixture, a hash of what the user owns, an in-process CLI. */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, lstatSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { execa } from 'execa';
import { ExitCode } from '../../src/core/errors.js';
import { renderError, type CliIO } from '../../src/cli/io.js';
import { registerValidateFix } from '../../src/cli/commands/validate-fix.js';
import { registerContext } from '../../src/cli/commands/context.js';
import { registerProveFix } from '../../src/cli/commands/prove-fix.js';
import { registerMcp } from '../../src/cli/commands/mcp.js';
import { registerPreflight } from '../../src/cli/commands/preflight.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURE = path.resolve(here, '../fixtures/prove-fix/calc');
export const PATCHES = path.resolve(here, '../fixtures/prove-fix/patches');

const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };

/** Runs git for test setup. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const r = await execa('git', args, { cwd, env: GIT_ENV, reject: false });
  if (r.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A temp git repo holding the calc fixture, committed. */
export async function makeRepo(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-vf-'));
  cpSync(FIXTURE, dir, { recursive: true });
  await git(dir, 'init', '-q', '-b', 'main');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'init');
  return dir;
}

function walk(root: string, rel: string, out: string[]): void {
  for (const name of readdirSync(path.join(root, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if (r === '.rustgate' || r === '.git/objects' || r === '.git/logs') continue;
    if (lstatSync(path.join(root, r)).isDirectory()) walk(root, r, out);
    else out.push(r);
  }
}

/** sha256 over every working-tree file and everything in `.git` but objects and logs (index, refs, HEAD, config). */
export function userHash(root: string): string {
  const files: string[] = [];
  walk(root, '', files);
  const h = createHash('sha256');
  for (const f of files) {
    h.update(`${f}\0`);
    h.update(readFileSync(path.join(root, f)));
  }
  return h.digest('hex');
}

/** Runs `rustgate <argv>` in-process (validate-fix, context, prove-fix, mcp, preflight); returns exit code and output. */
export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (s) => void (out += s.endsWith('\n') ? s : `${s}\n`), err: (s) => void (err += s.endsWith('\n') ? s : `${s}\n`), interactive: false };
  const program = new Command();
  let exitCode: number = ExitCode.Ok;
  program.name('rustgate').exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  const setExit = (c: number): void => {
    exitCode = c;
  };
  // Only this area's commands: the test does not depend on the registration list (or on other commands' files).
  registerValidateFix(program, io, setExit);
  registerContext(program, io, setExit);
  registerProveFix(program, io, setExit);
  registerMcp(program, io, setExit);
  registerPreflight(program, io, setExit); // for the plugin's hook test
  try {
    await program.parseAsync(argv, { from: 'user' });
    return { code: exitCode, out, err };
  } catch (e) {
    if (e instanceof CommanderError) return { code: e.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage, out, err };
    return { code: renderError(io, e), out, err };
  }
}
