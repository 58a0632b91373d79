/**
 * Installs rustgate's git hooks through husky 9 (core.hooksPath = `.husky/_`, user hooks in `.husky/<name>`) and
 * removes them again, restoring exactly what was there: core.hooksPath, `.husky/` files, and every hook that ran
 * before keeps running (it is chained from the new hook, in place).
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, rmdirSync, statSync, writeFileSync, copyFileSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { RustgateError } from '../../core/errors.js';
import { defaultHooksDir, gitConfigGet, gitConfigSetLocal, gitTopLevel } from './git.js';
import { rustgatePaths } from '../../core/paths.js';

/** The hooks rustgate installs. */
export const RUSTGATE_HOOKS = ['pre-commit', 'pre-push'] as const;
export type RustgateHook = (typeof RUSTGATE_HOOKS)[number];

/** Hooks husky 9 creates a stub for in `.husky/_` (each runs `.husky/<name>` when present). */
const HUSKY_HOOKS = [
  'pre-commit', 'pre-merge-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'applypatch-msg', 'pre-applypatch',
  'post-applypatch', 'pre-rebase', 'post-rewrite', 'post-checkout', 'post-merge', 'pre-push', 'pre-auto-gc',
];

/** How a hook starts the rustgate CLI: `node` plus its arguments, the last one being the CLI script. */
export interface HookCli {
  node: string;
  args: string[];
}

/** A file the installer wrote, and what was there before (null: nothing; the file is deleted on uninstall). */
interface WrittenFile {
  /** Path relative to the git top level. */
  path: string;
  before: { backup: string; mode: number } | null;
}

/** What `uninstallHooks` needs to undo an install; stored in `<repo>/.rustgate/hooks/state.json`. */
interface HooksState {
  version: 1;
  gitTop: string;
  /** The repository's own core.hooksPath before install (null: unset). */
  hooksPathLocalBefore: string | null;
  huskyDirExisted: boolean;
  /** Snapshot of `.husky/_` when it existed (file → base64 content and mode), restored exactly. */
  huskyUnderscoreBefore: Record<string, { data: string; mode: number }> | null;
  files: WrittenFile[];
  cli: HookCli;
}

/** The outcome of an install, for the CLI to print. */
export interface InstallResult {
  gitTop: string;
  hooksPath: string;
  /** Hook files written, relative to the git top level. */
  written: string[];
  /** Hooks that were there before and are now chained: `{hook, from}` (absolute path of what runs first). */
  chained: Array<{ hook: string; from: string }>;
  cli: HookCli;
}

/** The outcome of an uninstall. */
export interface UninstallResult {
  wasInstalled: boolean;
  gitTop: string;
  removed: string[];
  restored: string[];
  hooksPath: string | null;
}

const HUSKY_PATH = '.husky/_';

/** The template folder shipped with the package (`hooks/`), from src/ or dist/ alike. */
function templatesDir(): string {
  return fileURLToPath(new URL('../../../hooks/', import.meta.url));
}

/** Quotes a value for POSIX sh. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function stateDir(repo: string): string {
  return rustgatePaths(repo).hooks;
}

/** Creates `<repo>/.rustgate/` with its `*` .gitignore (CONTRACT: git status never shows it). */
function ensureRustgateDir(repo: string): void {
  const dir = rustgatePaths(repo).dir;
  mkdirSync(dir, { recursive: true });
  const ignore = path.join(dir, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '*\n');
}

function isExecutableFile(p: string): boolean {
  try {
    const st = statSync(p);
    return st.isFile() && (st.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : p;
}

function snapshotDir(dir: string): Record<string, { data: string; mode: number }> | null {
  if (!existsSync(dir)) return null;
  const out: Record<string, { data: string; mode: number }> = {};
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p);
    if (st.isFile()) out[name] = { data: readFileSync(p).toString('base64'), mode: st.mode & 0o777 };
  }
  return out;
}

/** The husky 9 CLI's path (its `bin.js`, next to the package's index). */
function huskyBin(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.resolve('husky'))), 'bin.js');
}

/** Renders the shim for one rustgate hook. */
function renderHook(hook: RustgateHook, chain: string[], cli: HookCli, repo: string): string {
  const template = readFileSync(path.join(templatesDir(), 'hook.sh'), 'utf8');
  let chainText = '';
  if (chain.length > 0) {
    const lines = ['# Hooks that ran before rustgate was installed; they run first, unchanged.'];
    // pre-push reads the pushed refs on stdin: give every hook its own copy.
    const stdinCopy = hook === 'pre-push';
    if (stdinCopy) lines.push('rg_in=$(mktemp); cat > "$rg_in"');
    for (const c of chain) lines.push(`${c} "$@"${stdinCopy ? ' < "$rg_in"' : ''} || exit $?`);
    if (stdinCopy) lines.push('rm -f "$rg_in"');
    chainText = lines.join('\n');
  }
  const script = cli.args[cli.args.length - 1] ?? '';
  return template
    .replaceAll('@@CHAIN@@', chainText)
    .replaceAll('@@HOOK@@', hook)
    .replaceAll('@@GITCMD@@', hook === 'pre-push' ? 'push' : 'commit')
    .replaceAll('@@NODE@@', shQuote(cli.node))
    .replaceAll('@@CLI_FILE@@', shQuote(script))
    .replaceAll('@@CLI_ARGS@@', cli.args.map(shQuote).join(' '))
    .replaceAll('@@REPO@@', shQuote(repo));
}

/** Installs the pre-commit and pre-push hooks for the Rust repository at `repo` (inside a git work tree). */
export async function installHooks(opts: { repo: string; cli: HookCli }): Promise<InstallResult> {
  if (!existsSync(opts.repo) || !statSync(opts.repo).isDirectory()) {
    throw new RustgateError('NOT_A_DIRECTORY', `${opts.repo} is not a directory`, 'Pass --repo pointing at your repository.');
  }
  const repo = realpathSync(opts.repo);
  const top = await gitTopLevel(repo);
  if (existsSync(path.join(stateDir(repo), 'state.json'))) await uninstallHooks({ repo });

  const hooksPathLocalBefore = await gitConfigGet(top, 'core.hooksPath', 'local');
  const effective = await gitConfigGet(top, 'core.hooksPath');
  const prevDir = effective !== null ? path.resolve(top, expandHome(effective)) : await defaultHooksDir(top);
  const huskyUnderscore = path.join(top, HUSKY_PATH);
  const prevIsHusky = path.resolve(prevDir) === huskyUnderscore;
  const huskyDir = path.join(top, '.husky');
  const huskyDirExisted = existsSync(huskyDir);
  const huskyUnderscoreBefore = snapshotDir(huskyUnderscore);

  const sdir = stateDir(repo);
  ensureRustgateDir(repo);
  mkdirSync(sdir, { recursive: true });
  const files: WrittenFile[] = [];
  const chained: InstallResult['chained'] = [];
  const state: HooksState = { version: 1, gitTop: top, hooksPathLocalBefore, huskyDirExisted, huskyUnderscoreBefore, files, cli: opts.cli };
  const saveState = (): void => writeFileSync(path.join(sdir, 'state.json'), `${JSON.stringify(state, null, 2)}\n`);
  saveState();

  // husky 9 itself: sets core.hooksPath to .husky/_ and writes its stubs there. HUSKY=0 would make it a no-op.
  const h = await execa(process.execPath, [huskyBin()], { cwd: top, reject: false, env: { HUSKY: '' }, stdin: 'ignore' });
  const huskyMsg = String(h.stdout ?? '').trim();
  if (h.exitCode !== 0 || huskyMsg !== '') {
    await uninstallHooks({ repo });
    throw new RustgateError('INTERNAL', `husky could not install its hooks in ${top}: ${huskyMsg || String(h.stderr ?? '')}`, 'Check that git works in this repository and .git is writable.');
  }

  /** Writes a file relative to top, backing up what was there so uninstall can restore it byte for byte. */
  const writeTracked = (rel: string, content: string): void => {
    const abs = path.join(top, rel);
    let before: WrittenFile['before'] = null;
    if (existsSync(abs)) {
      const backup = `${rel.replace(/[/\\]/g, '__')}.prev`;
      copyFileSync(abs, path.join(sdir, backup));
      before = { backup, mode: statSync(abs).mode & 0o777 };
    }
    files.push({ path: rel, before });
    saveState();
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content, { mode: 0o755 });
    chmodSync(abs, 0o755);
  };

  const written: string[] = [];
  for (const hook of RUSTGATE_HOOKS) {
    const chain: string[] = [];
    const userHusky = path.join(huskyDir, hook);
    if (existsSync(userHusky)) {
      // A husky user hook: husky runs these with `sh -e`; keep a copy to run, since the shim takes its place.
      const keep = path.join(sdir, `${hook}.husky-user`);
      copyFileSync(userHusky, keep);
      chain.push(`sh -e ${shQuote(keep)}`);
      chained.push({ hook, from: userHusky });
    }
    const prevHook = path.join(prevDir, hook);
    if (!prevIsHusky && isExecutableFile(prevHook)) {
      chain.push(shQuote(prevHook));
      chained.push({ hook, from: prevHook });
    }
    const rel = `.husky/${hook}`;
    writeTracked(rel, renderHook(hook, chain, opts.cli, repo));
    written.push(rel);
  }

  // Every other hook that ran before must keep running once core.hooksPath points at husky.
  if (!prevIsHusky && existsSync(prevDir)) {
    const chainTemplate = readFileSync(path.join(templatesDir(), 'chain.sh'), 'utf8');
    for (const name of readdirSync(prevDir).sort()) {
      if (name.endsWith('.sample') || (RUSTGATE_HOOKS as readonly string[]).includes(name)) continue;
      const abs = path.join(prevDir, name);
      if (!isExecutableFile(abs)) continue;
      const body = chainTemplate.replace('@@CHAIN@@', `exec ${shQuote(abs)} "$@"`);
      // Husky's stub in .husky/_ runs .husky/<name>; for hooks husky has no stub for, write the stub itself.
      const rel = HUSKY_HOOKS.includes(name) ? `.husky/${name}` : `${HUSKY_PATH}/${name}`;
      if (HUSKY_HOOKS.includes(name) && existsSync(path.join(top, rel))) continue;
      writeTracked(rel, body);
      written.push(rel);
      chained.push({ hook: name, from: abs });
    }
  }
  saveState();
  return { gitTop: top, hooksPath: HUSKY_PATH, written, chained, cli: opts.cli };
}

/** Removes rustgate's hooks from `repo` and restores the previous hooks setup exactly. */
export async function uninstallHooks(opts: { repo: string }): Promise<UninstallResult> {
  if (!existsSync(opts.repo) || !statSync(opts.repo).isDirectory()) {
    throw new RustgateError('NOT_A_DIRECTORY', `${opts.repo} is not a directory`, 'Pass --repo pointing at your repository.');
  }
  const repo = realpathSync(opts.repo);
  const top = await gitTopLevel(repo);
  const sdir = stateDir(repo);
  const stateFile = path.join(sdir, 'state.json');
  if (!existsSync(stateFile)) return { wasInstalled: false, gitTop: top, removed: [], restored: [], hooksPath: await gitConfigGet(top, 'core.hooksPath', 'local') };
  let state: HooksState;
  try {
    state = JSON.parse(readFileSync(stateFile, 'utf8')) as HooksState;
  } catch (e) {
    throw new RustgateError('STORE_CORRUPT', `${stateFile} is not readable JSON`, 'Restore core.hooksPath and .husky/ by hand, then delete .rustgate/hooks/.', { cause: e });
  }
  const removed: string[] = [];
  const restored: string[] = [];
  for (const f of [...state.files].reverse()) {
    const abs = path.join(top, f.path);
    if (f.before === null) {
      rmSync(abs, { force: true });
      removed.push(f.path);
    } else {
      writeFileSync(abs, readFileSync(path.join(sdir, f.before.backup)));
      chmodSync(abs, f.before.mode);
      restored.push(f.path);
    }
  }
  await gitConfigSetLocal(top, 'core.hooksPath', state.hooksPathLocalBefore);
  const underscore = path.join(top, HUSKY_PATH);
  if (state.huskyUnderscoreBefore === null) {
    rmSync(underscore, { recursive: true, force: true });
  } else {
    // Put husky's own folder back as it was (another husky version may have rewritten its stubs).
    const keep = state.huskyUnderscoreBefore;
    if (existsSync(underscore)) for (const name of readdirSync(underscore)) if (!(name in keep)) rmSync(path.join(underscore, name), { recursive: true, force: true });
    mkdirSync(underscore, { recursive: true });
    for (const [name, { data, mode }] of Object.entries(keep)) {
      writeFileSync(path.join(underscore, name), Buffer.from(data, 'base64'));
      chmodSync(path.join(underscore, name), mode);
    }
  }
  const huskyDir = path.join(top, '.husky');
  if (!state.huskyDirExisted && existsSync(huskyDir) && readdirSync(huskyDir).length === 0) rmdirSync(huskyDir);
  rmSync(sdir, { recursive: true, force: true });
  return { wasInstalled: true, gitTop: top, removed, restored, hooksPath: state.hooksPathLocalBefore };
}
