/** Test helpers of the fix area: temp git repos copied from fixtures, and a hash of everything git owns. */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/fix');

const GIT_ENV = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com' };

/** Runs git in `cwd` and returns stdout (throws on failure). */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const r = await execa('git', args, { cwd, env: GIT_ENV });
  return r.stdout;
}

/** Makes `dir` a git repository (branch main, a test identity, unsigned) whose one commit holds everything in it. */
export async function commitAll(dir: string, message = 'init'): Promise<string> {
  await git(dir, 'init', '-q', '-b', 'main');
  await git(dir, 'config', 'user.name', 'Test');
  await git(dir, 'config', 'user.email', 't@example.com');
  await git(dir, 'config', 'commit.gpgsign', 'false');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', message);
  return dir;
}

/** A temp dir (`prefix` names it) holding these files (relative path → text), committed once with `commitAll`. */
export async function repoWithFiles(prefix: string, files: Record<string, string>, message = 'init'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  for (const [f, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
    await writeFile(path.join(dir, f), text);
  }
  return commitAll(dir, message);
}

/** A temp git repo holding a copy of `fixture`, with one commit. */
export async function makeRepo(fixture: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `rustgate-fix-${fixture}-`));
  await cp(path.join(FIXTURES, fixture), dir, { recursive: true });
  return commitAll(dir);
}

async function walk(root: string, rel: string, out: string[]): Promise<void> {
  for (const e of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const r = rel === '' ? e.name : `${rel}/${e.name}`;
    if (r === '.rustgate' || r === '.git/objects' || r === '.git/logs') continue;
    if (e.isDirectory()) await walk(root, r, out);
    else out.push(r);
  }
}

/** sha256 over every file of the working tree and `.git` (index, refs, HEAD, config), except `.rustgate/`. */
export async function treeHash(root: string): Promise<string> {
  const files: string[] = [];
  await walk(root, '', files);
  files.sort();
  const h = createHash('sha256');
  for (const f of files) {
    h.update(f);
    h.update(await readFile(path.join(root, f)));
  }
  return h.digest('hex');
}
