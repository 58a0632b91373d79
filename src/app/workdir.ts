/** rustgate's data directory inside a repository: `<root>/.rustgate/`, ignored by git through its own `.gitignore`. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Creates `<root>/.rustgate/` with a `.gitignore` containing `*` (idempotent) and returns its absolute path. */
export function ensureWorkDir(root: string): string {
  const dir = path.join(path.resolve(root), '.rustgate');
  mkdirSync(dir, { recursive: true });
  const ignore = path.join(dir, '.gitignore');
  if (!existsSync(ignore) || readFileSync(ignore, 'utf8') !== '*\n') writeFileSync(ignore, '*\n');
  return dir;
}

/** Where the ISG store of a repository lives. */
export function storeDir(root: string): string {
  return path.join(ensureWorkDir(root), 'store');
}
