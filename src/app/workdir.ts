/** rustgate's data directory inside a workspace: `<root>/.rustgate/` (paths from `core/paths`), ignored by git through its own `.gitignore`. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rustgatePaths } from '../core/paths.js';

/** Creates `<root>/.rustgate/` with a `.gitignore` containing `*` (idempotent) and returns its absolute path. */
export function ensureWorkDir(root: string): string {
  const p = rustgatePaths(path.resolve(root));
  mkdirSync(p.dir, { recursive: true });
  if (!existsSync(p.gitignore) || readFileSync(p.gitignore, 'utf8') !== '*\n') writeFileSync(p.gitignore, '*\n');
  return p.dir;
}

/** Where the ISG store of a workspace lives. */
export function storeDir(root: string): string {
  ensureWorkDir(root);
  return rustgatePaths(path.resolve(root)).store;
}
