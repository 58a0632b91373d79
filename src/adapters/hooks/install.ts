/**
 * Installs rustgate's git hooks per clone and removes them again exactly. The hooks live in the hooks directory of
 * the git directory every worktree of the repository shares (`.git/hooks`), so they run in linked worktrees, move
 * with the repository (`mv`, `cp -r`), and no tracked file is written. Each shim finds its repository through git
 * at run time; a clone gets no hooks until it runs `rustgate hooks install` itself (git never clones hooks).
 * Hooks that ran before keep running: a hook rustgate replaces is kept beside it as `<name>.rustgate-prev` and run
 * first; when core.hooksPath pointed elsewhere, rustgate points it at `.git/hooks` and runs that folder's hooks.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RustgateError } from '../../core/errors.js';
import { getConfig, openHookRepo, setLocalConfig } from './config.js';
import { uninstallLegacyHooks } from './legacy.js';

/** The hooks rustgate installs. */
export const RUSTGATE_HOOKS = ['pre-commit', 'pre-merge-commit', 'pre-push'] as const;
export type RustgateHook = (typeof RUSTGATE_HOOKS)[number];

/** Marks every file rustgate writes into a hooks directory, so a second install updates it instead of chaining it. */
export const HOOK_MARKER = 'rustgate-hook v2';

/** The hook names git knows (githooks(5)); only these are chained from a previous core.hooksPath. */
const GIT_HOOKS = new Set([
  'applypatch-msg', 'pre-applypatch', 'post-applypatch', 'pre-commit', 'pre-merge-commit', 'prepare-commit-msg', 'commit-msg',
  'post-commit', 'pre-rebase', 'post-checkout', 'post-merge', 'pre-push', 'pre-receive', 'update', 'proc-receive', 'post-receive',
  'post-update', 'reference-transaction', 'push-to-checkout', 'pre-auto-gc', 'post-rewrite', 'sendemail-validate',
  'fsmonitor-watchman', 'p4-changelist', 'p4-prepare-changelist', 'p4-post-changelist', 'p4-pre-submit', 'post-index-change',
]);

/** The CLI that ran `hooks install` (`node` plus its arguments, the last being the script): the shim's last local fallback. */
export interface HookCli {
  node: string;
  args: string[];
}

/** One file rustgate wrote into the hooks directory, and the hook it moved aside for it. */
interface HookRecord {
  name: string;
  kind: 'shim' | 'chain';
  /** `<name>.rustgate-prev` in the hooks directory when a hook was there before (restored on uninstall). */
  backup: string | null;
  /** True when that hook was active before and is run first by the shim. */
  chained: boolean;
}

/** What uninstall needs; kept in `<git common dir>/rustgate/hooks.json`, with no absolute path (survives `mv`). */
interface HooksState {
  version: 2;
  /** The workspace root relative to the git top level ('' when equal), '/'-separated. */
  workspace: string;
  /** The repository's own core.hooksPath before the first install (null: unset). */
  hooksPathLocalBefore: string | null;
  /** The core.hooksPath in effect before the first install, whose hooks keep running (null: git's default). */
  previousHooksPath: string | null;
  /** The value rustgate set core.hooksPath to (null: left alone). */
  hooksPathSet: string | null;
  hooks: HookRecord[];
}

/** The outcome of an install, for the CLI to print. */
export interface InstallResult {
  gitTop: string;
  /** Where the hooks were written (absolute). */
  hooksDir: string;
  /** The workspace the hooks check, relative to gitTop ('' when equal). */
  workspace: string;
  /** The core.hooksPath rustgate set, or null when it left core.hooksPath alone. */
  hooksPath: string | null;
  /** Hook names written into hooksDir. */
  written: string[];
  /** Hooks that were there before and now run first: `{hook, from}` (what runs, relative to gitTop when inside it). */
  chained: Array<{ hook: string; from: string }>;
  /** True when an earlier install was updated in place. */
  updated: boolean;
  /** True when an install of the earlier husky layout was undone first. */
  migrated: boolean;
  /** Where the hooks will not run, and other things the user must know. */
  notes: string[];
}

/** The outcome of an uninstall. */
export interface UninstallResult {
  wasInstalled: boolean;
  gitTop: string;
  removed: string[];
  restored: string[];
  /** core.hooksPath after uninstall (null: unset). */
  hooksPath: string | null;
  notes: string[];
}

/** The template folder shipped with the package (`hooks/`), from src/ or dist/ alike. */
function templatesDir(): string {
  return fileURLToPath(new URL('../../../hooks/', import.meta.url));
}

/** Quotes a value for POSIX sh. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function isExecutableFile(p: string): boolean {
  try {
    const st = statSync(p);
    return st.isFile() && (st.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** True when `file` was written by this installer (shim or chain). */
function isOurs(file: string): boolean {
  try {
    return readFileSync(file, 'utf8').includes(HOOK_MARKER);
  } catch {
    return false;
  }
}

/** A core.hooksPath value as the shim resolves it at run time (hooks run in the work-tree top, like git resolves it). */
function hooksPathExpr(value: string, name: string): string {
  if (value === '~' || value.startsWith('~/')) return `"$HOME"${shQuote(`${value.slice(1)}/${name}`)}`;
  return shQuote(path.posix.join(value, name));
}

/** The directory a core.hooksPath value names, resolved now (to list its hooks). */
function resolveHooksPath(value: string, top: string): string {
  if (value === '~' || value.startsWith('~/')) return path.join(process.env.HOME ?? '', value.slice(1));
  return path.resolve(top, value);
}

function stateFile(commonDir: string): string {
  return path.join(commonDir, 'rustgate', 'hooks.json');
}

function readState(commonDir: string): HooksState | null {
  const file = stateFile(commonDir);
  if (!existsSync(file)) return null;
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as HooksState;
    if (s.version === 2 && Array.isArray(s.hooks)) return s;
  } catch {
    // Unreadable: reported below.
  }
  throw new RustgateError('STORE_CORRUPT', `${file} is not a rustgate hooks record`, `Delete ${file} and the rustgate hooks in ${path.join(commonDir, 'hooks')} by hand, then install again.`);
}

function writeState(commonDir: string, state: HooksState): void {
  mkdirSync(path.dirname(stateFile(commonDir)), { recursive: true });
  writeFileSync(stateFile(commonDir), `${JSON.stringify(state, null, 2)}\n`);
}

/** Renders the shim of one rustgate hook. */
function renderShim(hook: RustgateHook, rec: HookRecord, previousHooksPath: string | null, workspace: string, cli: HookCli | null): string {
  const chain: string[] = [];
  if (rec.backup !== null && rec.chained) chain.push(`"\${0%/*}"/${shQuote(rec.backup)}`);
  if (previousHooksPath !== null) chain.push(hooksPathExpr(previousHooksPath, hook));
  const lines: string[] = [];
  if (chain.length > 0) {
    lines.push('# Hooks that ran before rustgate was installed run first, unchanged.');
    // pre-push reads the pushed refs on stdin: every hook gets its own copy.
    const stdinCopy = hook === 'pre-push';
    if (stdinCopy) lines.push('rg_in=$(mktemp) || exit 1', 'cat > "$rg_in"');
    for (const c of chain) {
      const run = `${c} "$@"${stdinCopy ? ' < "$rg_in"' : ''} || { rg_rc=$?;${stdinCopy ? ' rm -f "$rg_in";' : ''} exit $rg_rc; }`;
      lines.push(c.startsWith('"${0') ? run : `[ ! -x ${c} ] || ${run}`);
    }
    if (stdinCopy) lines.push('exec 0< "$rg_in"; rm -f "$rg_in"');
  }
  const local = ['[ -x node_modules/.bin/rustgate ] && exec node_modules/.bin/rustgate "$@"'];
  if (workspace !== '') {
    const bin = shQuote(`${workspace}/node_modules/.bin/rustgate`);
    local.push(`[ -x ${bin} ] && exec ${bin} "$@"`);
  }
  const script = cli?.args[cli.args.length - 1];
  const installer = cli && script
    ? `[ -f ${shQuote(script)} ] && [ -x ${shQuote(cli.node)} ] && exec ${shQuote(cli.node)} ${cli.args.map(shQuote).join(' ')} "$@"`
    : '';
  return readFileSync(path.join(templatesDir(), 'hook.sh'), 'utf8')
    .replaceAll('@@CHAIN@@', lines.join('\n'))
    .replaceAll('@@HOOK@@', hook)
    .replaceAll('@@GITCMD@@', hook === 'pre-push' ? 'push' : hook === 'pre-merge-commit' ? 'merge' : 'commit')
    .replaceAll('@@WORKSPACE@@', workspace === '' ? '' : ` --workspace ${shQuote(workspace)}`)
    .replaceAll('@@LOCAL@@', local.join('\n'))
    .replaceAll('@@INSTALLER@@', installer);
}

/** Renders the stub that keeps a hook of the previous core.hooksPath running. */
function renderChain(name: string, previousHooksPath: string): string {
  return readFileSync(path.join(templatesDir(), 'chain.sh'), 'utf8')
    .replaceAll('@@HOOK@@', name)
    .replaceAll('@@FROM@@', previousHooksPath)
    .replaceAll('@@PREV@@', hooksPathExpr(previousHooksPath, name));
}

/** Writes an executable file. */
function writeHook(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o755 });
  chmodSync(file, 0o755);
}

/** Moves a foreign hook aside as `<name>.rustgate-prev` (once); returns the backup name. */
function moveAside(hooksDir: string, name: string, rec: HookRecord): void {
  const backup = `${name}.rustgate-prev`;
  if (rec.backup !== null || existsSync(path.join(hooksDir, backup))) {
    throw new RustgateError(
      'BAD_FLAG',
      `${path.join(hooksDir, name)} was replaced after rustgate was installed, and ${backup} still holds the hook from before`,
      'Run `rustgate hooks uninstall`, decide which hook to keep, then install again.',
    );
  }
  renameSync(path.join(hooksDir, name), path.join(hooksDir, backup));
  rec.backup = backup;
}

/**
 * Installs (or updates) the hooks of the repository containing `repo`, checking the Cargo workspace `workspace`
 * (absolute; inside the repository). `cli` is recorded as the shim's last local fallback.
 */
export async function installHooks(opts: { repo: string; workspace?: string; cli?: HookCli | null }): Promise<InstallResult> {
  if (!existsSync(opts.repo) || !statSync(opts.repo).isDirectory()) {
    throw new RustgateError('NOT_A_DIRECTORY', `${opts.repo} is not a directory`, 'Pass --repo pointing at your repository.');
  }
  const repo = realpathSync(opts.repo);
  const { top, commonDir } = await openHookRepo(repo);
  const wsAbs = realpathSync(opts.workspace ?? repo);
  const workspace = path.relative(top, wsAbs).split(path.sep).join('/');
  if (workspace.startsWith('..') || path.isAbsolute(workspace)) {
    throw new RustgateError('BAD_FLAG', `the workspace ${wsAbs} is outside the git work tree ${top}`, 'Pass --repo with a directory inside the repository.');
  }
  let migrated = false;
  for (const dir of new Set([wsAbs, repo, top])) if ((await uninstallLegacyHooks(dir, top)) !== null) migrated = true;

  const existing = readState(commonDir);
  const hooksDir = path.join(commonDir, 'hooks');
  const ourValue = path.relative(top, hooksDir).startsWith('..') ? hooksDir : path.relative(top, hooksDir).split(path.sep).join('/');
  const effective = await getConfig(top, 'core.hooksPath');
  const effectiveIsOurs = effective !== null && resolveHooksPath(effective, top) === hooksDir;
  // The hooks folder that was in effect before rustgate: its hooks keep running from ours.
  const previousHooksPath = effective !== null && !effectiveIsOurs ? effective : (existing?.previousHooksPath ?? null);
  const state: HooksState = {
    version: 2,
    workspace,
    hooksPathLocalBefore: existing ? existing.hooksPathLocalBefore : await getConfig(top, 'core.hooksPath', 'local'),
    previousHooksPath,
    hooksPathSet: previousHooksPath !== null ? ourValue : null,
    hooks: existing?.hooks ?? [],
  };
  const record = (name: string, kind: HookRecord['kind']): HookRecord => {
    let rec = state.hooks.find((h) => h.name === name);
    if (!rec) {
      rec = { name, kind, backup: null, chained: false };
      state.hooks.push(rec);
    }
    return rec;
  };
  mkdirSync(hooksDir, { recursive: true });
  const chained: InstallResult['chained'] = [];
  const written: string[] = [];
  const notes: string[] = [];
  const shown = (p: string): string => (p.startsWith(`${top}${path.sep}`) ? path.relative(top, p) : p);

  for (const hook of RUSTGATE_HOOKS) {
    const file = path.join(hooksDir, hook);
    const rec = record(hook, 'shim');
    if (existsSync(file) && !isOurs(file) && isOurs(`${file}.legacy`)) {
      // The pre-commit framework installed over rustgate and runs its shim as `<hook>.legacy`: update that one.
      writeHook(`${file}.legacy`, renderShim(hook, rec, previousHooksPath, workspace, opts.cli ?? null));
      written.push(`${hook}.legacy`);
      notes.push(`${hook}: the pre-commit framework's hook runs rustgate's shim (${hook}.legacy) first; it was updated there`);
      continue;
    }
    if (existsSync(file) && !isOurs(file)) {
      // Git runs a hook only when it is executable and core.hooksPath does not point elsewhere.
      const wasActive = isExecutableFile(file) && previousHooksPath === null;
      moveAside(hooksDir, hook, rec);
      rec.chained = wasActive;
    }
    if (rec.chained && rec.backup) chained.push({ hook, from: shown(path.join(hooksDir, rec.backup)) });
    if (previousHooksPath !== null && isExecutableFile(path.join(resolveHooksPath(previousHooksPath, top), hook))) {
      chained.push({ hook, from: shown(path.join(resolveHooksPath(previousHooksPath, top), hook)) });
    }
    writeHook(file, renderShim(hook, rec, previousHooksPath, workspace, opts.cli ?? null));
    written.push(hook);
  }

  if (previousHooksPath !== null) {
    // Every other hook of the previous folder must keep running once core.hooksPath points here.
    const prevDir = resolveHooksPath(previousHooksPath, top);
    const names = existsSync(prevDir) ? readdirSync(prevDir).sort() : [];
    for (const name of names) {
      if (!GIT_HOOKS.has(name) || (RUSTGATE_HOOKS as readonly string[]).includes(name) || !isExecutableFile(path.join(prevDir, name))) continue;
      const file = path.join(hooksDir, name);
      const rec = record(name, 'chain');
      if (existsSync(file) && !isOurs(file)) moveAside(hooksDir, name, rec);
      writeHook(file, renderChain(name, previousHooksPath));
      written.push(name);
      chained.push({ hook: name, from: shown(path.join(prevDir, name)) });
    }
    await setLocalConfig(top, 'core.hooksPath', ourValue);
    notes.push(
      `core.hooksPath was ${previousHooksPath}: rustgate set it to ${ourValue} and runs that folder's hooks from there. ` +
        `git resolves a relative core.hooksPath in each worktree's own top, so the hooks do not run in linked worktrees (git worktree add) of this repository.`,
    );
    if (/(^|\/)\.husky(\/_)?\/?$/.test(previousHooksPath)) {
      notes.push('husky sets core.hooksPath back to .husky/_ on its next install (npm install runs its prepare script), which turns rustgate\'s hooks off: run `rustgate hooks install` again after it.');
    }
  } else {
    notes.push(`The hooks live in ${shown(hooksDir)}: they run in every worktree of this repository and move with it; no tracked file was written. A clone runs \`rustgate hooks install\` itself (git never clones hooks).`);
  }
  writeState(commonDir, state);
  return { gitTop: top, hooksDir, workspace, hooksPath: state.hooksPathSet, written, chained, updated: existing !== null, migrated, notes };
}

/** Removes rustgate's hooks from the repository containing `repo` and restores the previous hooks exactly. */
export async function uninstallHooks(opts: { repo: string }): Promise<UninstallResult> {
  if (!existsSync(opts.repo) || !statSync(opts.repo).isDirectory()) {
    throw new RustgateError('NOT_A_DIRECTORY', `${opts.repo} is not a directory`, 'Pass --repo pointing at your repository.');
  }
  const repo = realpathSync(opts.repo);
  const { top, commonDir } = await openHookRepo(repo);
  const removed: string[] = [];
  const restored: string[] = [];
  const notes: string[] = [];
  let wasInstalled = false;
  for (const dir of new Set([repo, top])) {
    const legacy = await uninstallLegacyHooks(dir, top);
    if (legacy !== null) {
      wasInstalled = true;
      removed.push(...legacy.removed);
      restored.push(...legacy.restored);
    }
  }
  const state = readState(commonDir);
  if (state !== null) {
    wasInstalled = true;
    const hooksDir = path.join(commonDir, 'hooks');
    for (const rec of [...state.hooks].reverse()) {
      const file = path.join(hooksDir, rec.name);
      if (existsSync(file) && isOurs(file)) {
        rmSync(file);
        removed.push(rec.name);
      } else if (existsSync(file)) {
        if (isOurs(`${file}.legacy`)) {
          // Installed by the pre-commit framework over rustgate: it would run the removed shim as `.legacy`.
          rmSync(`${file}.legacy`);
          removed.push(`${rec.name}.legacy`);
        }
        notes.push(`${shownPath(top, file)} was replaced after install and is left as it is`);
      }
      if (rec.backup !== null && existsSync(path.join(hooksDir, rec.backup))) {
        if (existsSync(file)) notes.push(`${shownPath(top, path.join(hooksDir, rec.backup))} (the hook from before rustgate) is kept beside it`);
        else {
          renameSync(path.join(hooksDir, rec.backup), file);
          restored.push(rec.name);
        }
      }
    }
    if (state.hooksPathSet !== null) await setLocalConfig(top, 'core.hooksPath', state.hooksPathLocalBefore);
    rmSync(stateFile(commonDir), { force: true });
    const dir = path.dirname(stateFile(commonDir));
    if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
  }
  return { wasInstalled, gitTop: top, removed, restored, hooksPath: await getConfig(top, 'core.hooksPath', 'local'), notes };
}

function shownPath(top: string, p: string): string {
  return p.startsWith(`${top}${path.sep}`) ? path.relative(top, p) : p;
}
