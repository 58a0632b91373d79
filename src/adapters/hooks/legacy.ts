/**
 * The hooks layout of rustgate before 2026-12 (husky 9: core.hooksPath = `.husky/_`, shims in the tracked
 * `.husky/<hook>` with absolute paths). Only its uninstall is kept, so a new install or an uninstall can put such a
 * repository back exactly as it was before it moves to the per-clone layout of install.ts.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, rmdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { RustgateError } from '../../core/errors.js';
import { setLocalConfig } from './config.js';
import { rustgatePaths } from '../../core/paths.js';

/** What the old installer recorded. */
interface LegacyState {
  version: 1;
  hooksPathLocalBefore: string | null;
  huskyDirExisted: boolean;
  huskyUnderscoreBefore: Record<string, { data: string; mode: number }> | null;
  files: Array<{ path: string; before: { backup: string; mode: number } | null }>;
}

/** What an old-layout uninstall removed and restored (paths relative to the git top level). */
export interface LegacyUninstallResult {
  removed: string[];
  restored: string[];
  hooksPath: string | null;
}

const HUSKY_PATH = '.husky/_';

/**
 * Undoes an install made by rustgate before hooks moved into the git directory (state in
 * `<workspace>/.rustgate/hooks/state.json`, shims in `.husky/`): restores core.hooksPath and `.husky/` byte for byte.
 * Null when there is no such install.
 */
export async function uninstallLegacyHooks(repo: string, top: string): Promise<LegacyUninstallResult | null> {
  const sdir = rustgatePaths(repo).hooks;
  const stateFile = path.join(sdir, 'state.json');
  if (!existsSync(stateFile)) return null;
  let state: LegacyState;
  try {
    state = JSON.parse(readFileSync(stateFile, 'utf8')) as LegacyState;
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
  await setLocalConfig(top, 'core.hooksPath', state.hooksPathLocalBefore);
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
  return { removed, restored, hooksPath: state.hooksPathLocalBefore };
}
