import { describe, expect, it } from 'vitest';
import { parseNameStatusZ } from '../../src/adapters/git/changes.js';
import { cargoCheckArgs } from '../../src/adapters/cargo/check.js';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';
import { cargoDirInput, cargoInputsAbove, classifyChanges, isRustRelevant } from '../../src/core/preflight/classify.js';
import { wholeWorkspaceReason } from '../../src/core/preflight/affected.js';
import { selectDiagnostics } from '../../src/core/preflight/report.js';

describe('change classification', () => {
  const table: Array<[string, boolean]> = [
    ['src/lib.rs', true],
    ['crates/a/build.rs', true],
    ['Cargo.toml', true],
    ['crates/a/Cargo.toml', true],
    ['Cargo.lock', true],
    ['rust-toolchain', true],
    ['rust-toolchain.toml', true],
    ['.cargo/config.toml', true],
    ['crates/a/.cargo/config', true],
    ['README.md', false],
    ['docs/Cargo.toml.md', false],
    ['src/data.json', false],
    ['.cargo/credentials.toml', false],
    ['scripts/rs', false],
    ['rust-toolchain.txt', false],
    ['my.cargo/config', false],
  ];
  it.each(table)('%s → %s', (p, relevant) => expect(isRustRelevant(p)).toBe(relevant));

  it('every reader of cargo/rustup directory inputs agrees on which files they are', () => {
    for (const [p, kind] of [['.cargo/config', 'cargo-config'], ['a/b/.cargo/config.toml', 'cargo-config'], ['rust-toolchain', 'toolchain'], ['a/rust-toolchain.toml', 'toolchain'], ['a/src/main.rs', null], ['rust-toolchain.txt', null]] as const) {
      expect(cargoDirInput(p)).toBe(kind);
      expect(wholeWorkspaceReason(p, 'modified')).toBe(kind);
    }
    // Above a workspace in `ws/app`: only its own directory chain counts.
    expect(cargoInputsAbove(['.cargo/config', 'ws/rust-toolchain.toml', 'other/.cargo/config.toml', 'ws/app2/rust-toolchain', 'rust-toolchain.txt'], 'ws/app')).toEqual(['.cargo/config', 'ws/rust-toolchain.toml']);
  });

  it('skips only when no file (nor a rename source) is relevant', () => {
    expect(classifyChanges([{ path: 'README.md', status: 'modified' }]).skip).toBe(true);
    expect(classifyChanges([]).skip).toBe(true);
    expect(classifyChanges([{ path: 'notes/old.txt', status: 'renamed', oldPath: 'src/old.rs' }]).skip).toBe(false);
  });
});

describe('git and cargo argument plumbing', () => {
  it('parses -z name-status with renames, copies and plain entries', () => {
    expect(parseNameStatusZ('M\0a.rs\0R087\0old name.rs\0new name.rs\0D\0gone.rs\0C100\0x.rs\0y.rs\0A\0new\0')).toEqual([
      { path: 'a.rs', status: 'modified' },
      { path: 'new name.rs', status: 'renamed', oldPath: 'old name.rs' },
      { path: 'gone.rs', status: 'deleted' },
      { path: 'y.rs', status: 'copied', oldPath: 'x.rs' },
      { path: 'new', status: 'added' },
    ]);
  });

  it('builds cargo check arguments for workspace, packages and features', () => {
    expect(cargoCheckArgs({})).toEqual(['check', '--all-targets', '--message-format=json', '--keep-going', '--workspace']);
    expect(cargoCheckArgs({ packages: ['a', 'b'], features: ['x', 'y'] })).toEqual(['check', '--all-targets', '--message-format=json', '--keep-going', '-p', 'a', '-p', 'b', '--features', 'x,y']);
    expect(cargoCheckArgs({ allFeatures: true, features: ['x'] })).toEqual(['check', '--all-targets', '--message-format=json', '--keep-going', '--workspace', '--all-features']);
    expect(cargoCheckArgs({ packages: ['a'], noDefaultFeatures: true, features: ['std'] })).toEqual(['check', '--all-targets', '--message-format=json', '--keep-going', '-p', 'a', '--no-default-features', '--features', 'std']);
    expect(cargoCheckArgs({ noDefaultFeatures: true, allFeatures: true })).toEqual(['check', '--all-targets', '--message-format=json', '--keep-going', '--workspace', '--all-features']);
    expect(cargoCheckArgs({ targets: ['lib', 'tests'], keepGoing: false, packages: ['a'] })).toEqual(['check', '--lib', '--tests', '--message-format=json', '-p', 'a']);
  });
});

describe('diagnostic selection', () => {
  const d = (level: Diagnostic['level'], message: string, file: string | null, line = 1): Diagnostic => ({
    level,
    code: null,
    message,
    primary: file === null ? null : { file, lineStart: line, lineEnd: line, columnStart: 1, columnEnd: 2, byteStart: 0, byteEnd: 1, isPrimary: true, label: null },
    spans: [],
    notes: [],
    suggestions: [],
    rendered: message,
    source: 'rustc',
    packageName: null,
  });
  it('drops rustc summaries and notes, puts errors first, then by file and line', () => {
    const picked = selectDiagnostics([
      d('warning', 'unused', 'b.rs', 3),
      d('error', 'aborting due to 2 previous errors', null),
      d('warning', '3 warnings emitted', null),
      d('note', 'a note', 'a.rs'),
      d('error', 'second', 'b.rs', 9),
      d('error', 'first', 'a.rs', 40),
      d('error', 'crate-level', null),
    ]);
    expect(picked.map((x) => x.message)).toEqual(['first', 'second', 'crate-level', 'unused']);
  });
});
