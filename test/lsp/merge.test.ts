import { describe, expect, it } from 'vitest';
import { byteOffset, fromLspDiagnostic, mergeDiagnostics, uriToWorkspacePath } from '../../src/adapters/lsp/index.js';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';

function diag(source: Diagnostic['source'], file: string, line: number, code: string | null, message: string): Diagnostic {
  const span = { file, lineStart: line, lineEnd: line, columnStart: 1, columnEnd: 2, byteStart: 0, byteEnd: 1, isPrimary: true, label: null };
  return { level: 'error', code, message, primary: span, spans: [span], notes: [], suggestions: [], rendered: '', source, packageName: null };
}

describe('mergeDiagnostics', () => {
  const cargo = [diag('rustc', 'src/a.rs', 3, 'E0308', 'mismatched types'), diag('rustc', 'src/b.rs', 9, null, 'unused import: `x`')];
  const tag = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.source}:${d.primary?.file}:${d.primary?.lineStart}:${d.code}`);

  it.each<[string, Diagnostic[], string[]]>([
    ['same file, line and code', [diag('rust-analyzer', 'src/a.rs', 3, 'E0308', 'expected u8, found i64')], []],
    ['same message, other line', [diag('rust-analyzer', 'src/b.rs', 10, 'unused', 'Unused  import: `x`')], []],
    ['same code, other line', [diag('rust-analyzer', 'src/a.rs', 4, 'E0308', 'expected u8, found i64')], ['rust-analyzer:src/a.rs:4:E0308']],
    ['same code and line, other file', [diag('rust-analyzer', 'src/c.rs', 3, 'E0308', 'x')], ['rust-analyzer:src/c.rs:3:E0308']],
    [
      'repeated within rust-analyzer',
      [diag('rust-analyzer', 'src/c.rs', 1, null, 'm'), diag('rust-analyzer', 'src/c.rs', 1, null, 'm')],
      ['rust-analyzer:src/c.rs:1:null'],
    ],
  ])('%s', (_name, ra, added) => {
    expect(tag(mergeDiagnostics(cargo, ra))).toEqual([...tag(cargo), ...added]);
  });
});

describe('LSP conversion', () => {
  it('computes UTF-8 byte offsets from UTF-16 positions', () => {
    const text = 'let s = "é😀";\nBROKEN\n';
    expect(byteOffset(text, { line: 0, character: 11 })).toBe(14); // é is 2 bytes, 😀 is 2 UTF-16 units and 4 bytes
    expect(byteOffset(text, { line: 1, character: 0 })).toBe(Buffer.byteLength('let s = "é😀";\n'));
    expect(byteOffset(undefined, { line: 0, character: 0 })).toBe(-1);
    expect(byteOffset('one line', { line: 3, character: 0 })).toBe(-1);
  });

  it('maps URIs to workspace paths and severities to levels', () => {
    expect(uriToWorkspacePath('file:///ws/crates/a/src/lib.rs', '/ws')).toBe('crates/a/src/lib.rs');
    expect(uriToWorkspacePath('file:///elsewhere/x.rs', '/ws')).toBe('/elsewhere/x.rs');
    const d = fromLspDiagnostic(
      { range: { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } }, severity: 4, code: 42, message: 'hint' },
      'file:///ws/src/lib.rs',
      '/ws',
    );
    expect([d.level, d.code, d.primary?.byteStart, d.source]).toEqual(['help', '42', -1, 'rust-analyzer']);
  });
});
