import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { packageNameFromId, parseCargoMessages, toWorkspacePath } from '../../src/adapters/cargo/diagnostics.js';

/** Writes a one-file std-only crate and returns cargo check's JSON output on it (real cargo). */
async function checkCrate(libRs: string): Promise<{ root: string; stdout: string }> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'rg-diag-'));
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'Cargo.toml'), '[package]\nname = "diag_probe"\nversion = "0.1.0"\nedition = "2021"\n');
  writeFileSync(path.join(root, 'src/lib.rs'), libRs);
  const r = await execa('cargo', ['check', '--message-format=json', '--quiet'], { cwd: root, reject: false });
  return { root, stdout: r.stdout };
}

describe('parseCargoMessages on real rustc output', () => {
  it('keeps codes, workspace-relative spans and every suggestion with its applicability', async () => {
    const src = [
      'use std::thread;',
      "pub fn run<F: FnOnce() -> u64 + 'static>(job: F) -> u64 { thread::spawn(job).join().unwrap() }",
      '',
    ].join('\n');
    const { root, stdout } = await checkCrate(src);
    const { diagnostics, buildSucceeded } = parseCargoMessages(stdout, root);
    expect(buildSucceeded).toBe(false);
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d.level).toBe('error');
    expect(d.code).toBe('E0277');
    expect(d.packageName).toBe('diag_probe');
    expect(d.primary).toMatchObject({ file: 'src/lib.rs', lineStart: 2, isPrimary: true });
    // NOTES: a MachineApplicable `+ std::marker::Send` and a HasPlaceholders `()`; both kept, validation decides.
    const byApplicability = Object.fromEntries(d.suggestions.map((s) => [s.applicability, s.edits.map((e) => e.replacement)]));
    expect(byApplicability.MachineApplicable).toEqual([' + std::marker::Send']);
    expect(byApplicability.HasPlaceholders).toEqual(['()']);
    // The note pointing into std stays an absolute path, never a fake workspace file.
    expect(d.notes.some((n) => n.includes('required by a bound in `spawn`'))).toBe(true);
  });

  it('maps a diagnostic raised inside a std macro back to the user file', async () => {
    const { root, stdout } = await checkCrate('pub struct NoDebug;\npub fn show() -> String { format!("{:?}", NoDebug) }\n');
    const { diagnostics } = parseCargoMessages(stdout, root);
    const d = diagnostics.find((x) => x.code === 'E0277');
    expect(d?.primary?.file).toBe('src/lib.rs');
    expect(d?.primary?.lineStart).toBe(2);
  });

  it('reports success and no diagnostics for a clean crate, and ignores non-JSON lines', async () => {
    const { root, stdout } = await checkCrate('pub fn ok() -> u8 { 1 }\n');
    const parsed = parseCargoMessages(`   Compiling noise\n${stdout}\nnot json {`, root);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.buildSucceeded).toBe(true);
  });
});

describe('path and package id helpers', () => {
  it('makes paths workspace-relative and leaves outside paths absolute', () => {
    expect(toWorkspacePath('crates/a/src/lib.rs', '/ws')).toBe('crates/a/src/lib.rs');
    expect(toWorkspacePath('/ws/src/x.rs', '/ws')).toBe('src/x.rs');
    expect(toWorkspacePath('/rustc/abc/library/std/src/lib.rs', '/ws')).toBe('/rustc/abc/library/std/src/lib.rs');
  });
  it('reads both package id forms', () => {
    expect(packageNameFromId('path+file:///ws/crates/core#ledger-core@0.1.0')).toBe('ledger-core');
    expect(packageNameFromId('path+file:///ws/crates/core#0.1.0')).toBe('core');
    expect(packageNameFromId('ledger 0.1.0 (path+file:///ws)')).toBe('ledger');
  });
});
