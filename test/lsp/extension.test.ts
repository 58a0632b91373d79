import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rustAnalyzerExtension, RA_MISSING_NOTICE } from '../../src/adapters/lsp/index.js';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';

// A stand-in "rust-analyzer": answers --version like the real one, otherwise runs the marker LSP server (pull mode).
const bin = mkdtempSync(path.join(os.tmpdir(), 'rg-lsp-ext-bin-'));
const fakeRa = path.join(bin, 'rust-analyzer');
writeFileSync(
  fakeRa,
  `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "rust-analyzer 0.0.0-marker"; exit 0; fi\n` +
    `exec '${process.execPath}' --import '${import.meta.resolve('tsx')}' '${path.join(import.meta.dirname, 'server/marker-server.ts')}' --mode=pull\n`,
);
chmodSync(fakeRa, 0o755);
const proxy = path.join(bin, 'ra-proxy');
writeFileSync(proxy, `#!/bin/sh\necho "error: Unknown binary 'rust-analyzer' in official toolchain 'stable'." >&2\nexit 1\n`);
chmodSync(proxy, 0o755);

const shadow = mkdtempSync(path.join(os.tmpdir(), 'rg-lsp-ext-shadow-'));
mkdirSync(path.join(shadow, 'src'));
writeFileSync(path.join(shadow, 'src/lib.rs'), 'pub fn a() {}\nlet BROKEN = 1;\nlet x = BROKEN_AGAIN;\n');
writeFileSync(path.join(shadow, 'README.md'), 'BROKEN\n');

const cargoSays = (line: number, code: string): Diagnostic => {
  const span = { file: 'src/lib.rs', lineStart: line, lineEnd: line, columnStart: 1, columnEnd: 2, byteStart: 0, byteEnd: 1, isPrimary: true, label: null };
  return { level: 'error', code, message: 'from cargo', primary: span, spans: [span], notes: [], suggestions: [], rendered: '', source: 'rustc', packageName: 'p' };
};
const ctx = (diagnostics: Diagnostic[]) => ({
  shadowRoot: shadow,
  targetDir: path.join(shadow, '.rustgate/target'),
  changedFiles: [{ path: 'src/lib.rs', status: 'modified' }, { path: 'README.md', status: 'modified' }, { path: 'src/gone.rs', status: 'deleted' }],
  diagnostics,
});

describe('rustAnalyzerExtension', () => {
  it('adds only what cargo did not report, for the changed .rs files', async () => {
    const out = await rustAnalyzerExtension({ mode: 'auto', command: fakeRa, quietMs: 200 }).run(ctx([cargoSays(2, 'E9999')]));
    expect(out.warnings).toEqual([]);
    expect(out.diagnostics?.map((d) => [d.source, d.primary?.file, d.primary?.lineStart, d.code])).toEqual([['rust-analyzer', 'src/lib.rs', 3, 'E9999']]);
  });

  it('says once that rust-analyzer is missing, and does nothing when off', async () => {
    expect(await rustAnalyzerExtension({ mode: 'auto', command: proxy }).run(ctx([]))).toMatchObject({ diagnostics: [], warnings: [RA_MISSING_NOTICE] });
    expect(await rustAnalyzerExtension({ mode: 'off', command: fakeRa }).run(ctx([]))).toEqual({});
  });
});
