/** Shared helpers for the pattern tests: fixture copies and real `cargo check` runs. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { expect } from 'vitest';
import { parseCargoMessages } from '../../src/adapters/cargo/diagnostics.js';
import { readWorkspace } from '../../src/adapters/cargo/metadata.js';
import { parseRustSource } from '../../src/adapters/rust-parser/parse.js';
import { createIsgLookup } from '../../src/app/isg-lookup.js';
import type { IsgLookup } from '../../src/core/fix/types.js';
import { MemoryGraph } from '../../src/core/isg/memory-graph.js';
import { resolveWorkspace } from '../../src/core/isg/resolve.js';
import type { Pattern } from '../../src/core/patterns/model.js';
import { createPatternSource } from '../../src/core/patterns/source.js';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';

/** One target dir for all pattern fixtures keeps repeated checks incremental. */
export const TARGET_DIR = path.join(os.tmpdir(), 'rustgate-test-patterns-target');

export const FIXTURES = path.resolve('test/fixtures/patterns');

/** Copies a fixture crate to a fresh temp dir (cargo writes Cargo.lock; fixtures stay clean). */
export function copyCrate(dir: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'rg-pat-'));
  cpSync(dir, root, { recursive: true });
  return root;
}

/** A one-file library crate `name` with `lib` as src/lib.rs, in a fresh temp dir pushed to `temps` for the caller's cleanup. */
export function libCrate(name: string, lib: string, temps: string[]): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'rg-near-'));
  temps.push(root);
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'Cargo.toml'), `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\npublish = false\n`);
  writeFileSync(path.join(root, 'src/lib.rs'), lib);
  return root;
}

/**
 * For near-miss tests: asserts real cargo reports each of `codes` in the crate at `root`, and returns the descriptions
 * of what pattern `id` (of `patterns`) proposes over all the crate's errors.
 */
export async function proposalsOf(patterns: readonly Pattern[], root: string, id: string, codes: readonly string[]): Promise<string[]> {
  const { diagnostics } = await cargoCheck(root);
  const errors = diagnostics.map((d, i) => [d, i] as const).filter(([d]) => d.level === 'error');
  for (const code of codes) expect(errors.filter(([d]) => d.code === code).length, diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')).toBeGreaterThan(0);
  const source = createPatternSource(patterns.filter((p) => p.id === id));
  const files = readFiles(root, rustFiles(root));
  const out: string[] = [];
  for (const [, i] of errors) for (const c of await source.propose(i, { diagnostics, files })) out.push(c.description);
  return out;
}

/** Real `cargo check --message-format=json` on `root`: diagnostics and whether the build succeeded. */
export async function cargoCheck(root: string): Promise<{ diagnostics: Diagnostic[]; ok: boolean }> {
  const r = await execa('cargo', ['check', '--workspace', '--message-format=json', '--quiet'], {
    cwd: root,
    reject: false,
    env: { CARGO_TARGET_DIR: TARGET_DIR, CARGO_TERM_COLOR: 'never' },
  });
  const { diagnostics, buildSucceeded } = parseCargoMessages(r.stdout, root);
  return { diagnostics, ok: r.exitCode === 0 && buildSucceeded === true && !diagnostics.some((d) => d.level === 'error') };
}

/** Workspace-relative paths of the `.rs` files of the fixture (every member crate; `target/` skipped). */
export function rustFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(root, rel))) {
      if (name === 'target' || name.startsWith('.')) continue;
      const r = rel === '' ? name : `${rel}/${name}`;
      if (statSync(path.join(root, r)).isDirectory()) walk(r);
      else if (name.endsWith('.rs')) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/**
 * The ISG of a fixture (parsed and resolved for real, held in memory) as the fix context's graph and lookup, as the
 * app gives them to patterns from the store. File texts come from `texts` when given (else the disk).
 */
export async function graphContext(root: string, texts?: ReadonlyMap<string, string>): Promise<{ graph: MemoryGraph; lookup: IsgLookup }> {
  const ws = await readWorkspace(root);
  const facts = new Map(rustFiles(root).map((f) => [f, parseRustSource(readFileSync(path.join(root, f), 'utf8'))]));
  const { graph } = resolveWorkspace(ws, facts);
  const memory = new MemoryGraph(graph);
  const lookup = createIsgLookup(root, { allNodes: async () => graph.nodes }, async (f) => {
    if (texts) return texts.get(f);
    try {
      return readFileSync(path.join(root, f), 'utf8');
    } catch {
      return undefined;
    }
  });
  return { graph: memory, lookup };
}

/** Reads the given workspace files of `root` into a map. */
export function readFiles(root: string, files: readonly string[]): Map<string, string> {
  return new Map(files.map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
}

/** Whitespace-normalised text for comparing a fixed file with the expected one. */
export function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
